import { InfoCard } from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { isEmptyValue, valueAtPath } from '../../lib/valueAtPath';
import { fieldsOfKind } from './kindFields';
import { text } from './renderers';
import { EditRecordButton } from '../Inventory/EditRecordButton';
import { FIELD_GROUPS, groupOfPath } from './fieldGroups';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { useApiHolder } from '@backstage/frontend-plugin-api';
import { AccessButton } from '../Access';
import { maestroApiRef } from '../../api';

/** Edit and Access, the actions of a Maestro record page. */
function RecordActions(props: { entity: Entity }) {
  // Without the Maestro API (a test, an app that left it out) only Edit's
  // own fallback shows.
  const hasMaestro = Boolean(useApiHolder().get(maestroApiRef));
  return (
    <>
      {hasMaestro && (
        <AccessButton entityRef={stringifyEntityRef(props.entity)} />
      )}
      <EditRecordButton entity={props.entity} />
    </>
  );
}

const useStyles = makeStyles(theme => ({
  label: {
    color: theme.palette.text.secondary,
    textTransform: 'uppercase',
    fontSize: '10px',
    fontWeight: 'bold',
    letterSpacing: 0.5,
    lineHeight: 1,
    paddingBottom: theme.spacing(0.5),
  },
  value: { overflowWrap: 'anywhere' },
}));

/**
 * The fields Maestro keeps for an entity, laid out per kind (see
 * `kindFields.tsx`). Everything comes from the catalog entity itself, so the
 * card costs no request to the Maestro backend.
 */
export function MaestroDetailsCard() {
  const { entity } = useEntity();
  const classes = useStyles();
  const shown = (fieldsOfKind(entity.kind) ?? [])
    .map(f => ({ field: f, value: valueAtPath(entity, f.path) }))
    .filter(({ value }) => !isEmptyValue(value));

  if (shown.length === 0) {
    return (
      <InfoCard
        title="Maestro details"
        action={<RecordActions entity={entity} />}
      >
        <Typography variant="body2">
          No Maestro fields are set for this {entity.kind.toLowerCase()}.
        </Typography>
      </InfoCard>
    );
  }
  // One card per group that has something to show; the first is the
  // record's details and carries the Edit action.
  const groups = FIELD_GROUPS.map(group => ({
    group,
    fields: shown.filter(({ field }) => groupOfPath(field.path) === group),
  })).filter(g => g.fields.length > 0);
  return (
    <Grid container spacing={2}>
      {groups.map(({ group, fields }, index) => (
        <Grid item xs={12} md={group === 'Info' ? 12 : 6} key={group}>
          <InfoCard
            title={index === 0 ? 'Maestro details' : group}
            action={index === 0 ? <RecordActions entity={entity} /> : undefined}
          >
            <Grid container spacing={2}>
              {fields.map(({ field, value }) => (
                <Grid
                  item
                  key={`${field.label}:${field.path}`}
                  xs={12}
                  sm={field.wide ? 12 : 6}
                  lg={field.wide ? 12 : 4}
                >
                  <Typography variant="h2" className={classes.label}>
                    {field.label}
                  </Typography>
                  <Typography
                    variant="body2"
                    component="div"
                    className={classes.value}
                  >
                    {field.render ? field.render(value, entity) : text(value)}
                  </Typography>
                </Grid>
              ))}
            </Grid>
          </InfoCard>
        </Grid>
      ))}
    </Grid>
  );
}
