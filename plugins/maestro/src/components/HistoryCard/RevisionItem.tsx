import { useState } from 'react';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { MaestroRevision } from '@maestro/plugin-maestro-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Chip from '@material-ui/core/Chip';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { relativeTime } from '../../lib/relativeTime';
import { DiffValue } from './DiffValue';

/** A create lists every field; show the first few until asked. */
export const DIFF_ROWS_SHOWN = 10;

/** Users and teams link to their catalog page; services are plain text. */
function Actor(props: { actor: string }) {
  return /^(user|group):/i.test(props.actor) ? (
    <EntityRefLink entityRef={props.actor} />
  ) : (
    <>{props.actor}</>
  );
}

export function RevisionItem(props: { revision: MaestroRevision }) {
  const { revision } = props;
  const [showAll, setShowAll] = useState(false);
  const when = new Date(revision.createdAt);
  const valid = !Number.isNaN(when.getTime());
  const diff = showAll
    ? revision.diff
    : revision.diff.slice(0, DIFF_ROWS_SHOWN);
  const hidden = revision.diff.length - diff.length;

  return (
    <Box component="li" mb={2} data-testid={`revision-${revision.revision}`}>
      <Typography variant="subtitle2" component="div">
        <Chip size="small" label={`#${revision.revision} ${revision.action}`} />{' '}
        <time dateTime={revision.createdAt}>
          {valid ? relativeTime(when) : revision.createdAt}
        </time>{' '}
        {valid && `(${when.toLocaleString()})`} by{' '}
        <Actor actor={revision.actor} /> via {revision.source}
      </Typography>
      {diff.length > 0 && (
        <Table
          size="small"
          aria-label={`Changes of revision ${revision.revision}`}
        >
          <TableBody>
            {diff.map(entry => (
              <TableRow key={entry.path}>
                <TableCell component="th" scope="row">
                  <code>{entry.path}</code>
                </TableCell>
                <TableCell>
                  <DiffValue value={entry.before} /> →{' '}
                  <DiffValue value={entry.after} />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {hidden > 0 && (
        <Button size="small" onClick={() => setShowAll(true)}>
          Show {hidden} more changes
        </Button>
      )}
    </Box>
  );
}
