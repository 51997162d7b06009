import { useState } from 'react';
import Link from '@material-ui/core/Link';
import { makeStyles } from '@material-ui/core/styles';
import { ABSENT, formatJson } from '../../lib/formatJson';

/** Values longer than this are cut, with a link to show them whole. */
export const TRUNCATE_AT = 80;

const useStyles = makeStyles(theme => ({
  value: {
    fontFamily: 'monospace',
    fontSize: '0.85em',
    overflowWrap: 'anywhere',
    whiteSpace: 'pre-wrap',
  },
  absent: { color: theme.palette.text.disabled },
  toggle: { marginLeft: theme.spacing(0.5), fontSize: '0.85em' },
}));

/** One side of a changed field, as compact JSON. */
export function DiffValue(props: { value: unknown }) {
  const classes = useStyles();
  const [expanded, setExpanded] = useState(false);
  if (props.value === undefined) {
    return <span className={classes.absent}>{ABSENT}</span>;
  }
  const json = formatJson(props.value);
  const long = json.length > TRUNCATE_AT;
  return (
    <span>
      <span className={classes.value}>
        {long && !expanded ? `${json.slice(0, TRUNCATE_AT)}…` : json}
      </span>
      {long && (
        <Link
          component="button"
          className={classes.toggle}
          onClick={() => setExpanded(!expanded)}
        >
          {expanded ? 'less' : 'more'}
        </Link>
      )}
    </span>
  );
}
