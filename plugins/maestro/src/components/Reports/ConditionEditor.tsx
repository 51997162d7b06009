import {
  Box,
  IconButton,
  MenuItem,
  TextField,
  Tooltip,
} from '@material-ui/core';
import DeleteIcon from '@material-ui/icons/Delete';
import {
  REPORT_OPERATORS,
  ReportCondition,
  ReportField,
  ReportOperator,
} from '@maestro/plugin-maestro-common';

const OPERATOR_LABELS: Record<string, string> = {
  equal: 'equal',
  notEqual: 'not equal',
  contains: 'contains',
  notContains: 'does not contain',
  eq: '=',
  gt: '>',
  gte: '>=',
  lt: '<',
  lte: '<=',
  before: 'before',
  after: 'after',
  on: 'on',
  thisMonth: 'this month',
  lastDays: 'last N days',
  oneOf: 'one of',
  hasElement: 'has an element',
};

/** A new condition on a field, with its type's first operator. */
export function newCondition(field: ReportField): ReportCondition {
  const operator = REPORT_OPERATORS[field.type][0] as ReportOperator;
  return {
    field: field.path,
    operator,
    subfield: field.subfields?.[0],
    value: defaultValue(field, operator),
  };
}

function defaultValue(field: ReportField, operator: string) {
  if (field.type === 'boolean') return true;
  if (field.type === 'number') return 0;
  if (field.type === 'select') return [];
  if (operator === 'lastDays') return 7;
  if (operator === 'thisMonth') return undefined;
  return '';
}

/** One filter row: field, operator, subfield when needed, typed value. */
export function ConditionEditor(props: {
  fields: ReportField[];
  condition: ReportCondition;
  onChange: (condition: ReportCondition) => void;
  onRemove: () => void;
  label: string;
}) {
  const { fields, condition, onChange, onRemove, label } = props;
  const field = fields.find(f => f.path === condition.field) ?? fields[0];
  const operators = REPORT_OPERATORS[field.type] as readonly string[];
  const set = (patch: Partial<ReportCondition>) =>
    onChange({ ...condition, ...patch });
  // Ids tie each select to its label, so it is named "Operator equal".
  const id = (part: string) =>
    `${label.replace(/[^A-Za-z0-9]+/g, '-')}-${part}`;

  const valueInput = () => {
    const common = {
      id: id('value'),
      size: 'small' as const,
      variant: 'outlined' as const,
      label: 'Value',
      inputProps: { 'aria-label': `${label} value` },
    };
    if (condition.operator === 'thisMonth') return null;
    switch (field.type) {
      case 'number':
        return (
          <TextField
            {...common}
            type="number"
            value={condition.value ?? ''}
            onChange={e => set({ value: Number(e.target.value) })}
          />
        );
      case 'boolean':
        return (
          <TextField
            {...common}
            select
            value={String(condition.value ?? true)}
            onChange={e => set({ value: e.target.value === 'true' })}
          >
            <MenuItem value="true">true</MenuItem>
            <MenuItem value="false">false</MenuItem>
          </TextField>
        );
      case 'date':
        return condition.operator === 'lastDays' ? (
          <TextField
            {...common}
            label="Days"
            type="number"
            value={condition.value ?? 7}
            onChange={e => set({ value: Number(e.target.value) })}
          />
        ) : (
          <TextField
            {...common}
            type="date"
            InputLabelProps={{ shrink: true }}
            value={condition.value ?? ''}
            onChange={e => set({ value: e.target.value })}
          />
        );
      case 'select':
        return (
          <TextField
            {...common}
            select
            SelectProps={{ multiple: true }}
            style={{ minWidth: 180 }}
            value={(condition.value as string[]) ?? []}
            onChange={e =>
              set({ value: e.target.value as unknown as string[] })
            }
          >
            {(field.options ?? []).map(o => (
              <MenuItem key={o} value={o}>
                {o}
              </MenuItem>
            ))}
          </TextField>
        );
      default:
        return (
          <TextField
            {...common}
            value={condition.value ?? ''}
            onChange={e => set({ value: e.target.value })}
          />
        );
    }
  };

  const needsSubfield =
    field.type === 'object' ||
    (field.type === 'array' && field.subfields?.length !== 0);

  return (
    <Box
      display="flex"
      alignItems="center"
      flexWrap="wrap"
      style={{ gap: 8 }}
      my={1}
    >
      <TextField
        select
        size="small"
        variant="outlined"
        label="Field"
        id={id('field')}
        style={{ minWidth: 200 }}
        inputProps={{ 'aria-label': `${label} field` }}
        value={field.path}
        onChange={e => {
          const next = fields.find(f => f.path === e.target.value)!;
          onChange(newCondition(next));
        }}
      >
        {fields.map(f => (
          <MenuItem key={f.path} value={f.path}>
            {f.path}
          </MenuItem>
        ))}
      </TextField>
      <TextField
        select
        size="small"
        variant="outlined"
        label="Operator"
        id={id('operator')}
        inputProps={{ 'aria-label': `${label} operator` }}
        value={condition.operator}
        onChange={e =>
          set({
            operator: e.target.value as ReportOperator,
            value: defaultValue(field, e.target.value as string),
          })
        }
      >
        {operators.map(o => (
          <MenuItem key={o} value={o}>
            {OPERATOR_LABELS[o] ?? o}
          </MenuItem>
        ))}
      </TextField>
      {needsSubfield &&
        (field.subfields ? (
          <TextField
            select
            size="small"
            variant="outlined"
            label="Subfield"
            id={id('subfield')}
            inputProps={{ 'aria-label': `${label} subfield` }}
            value={condition.subfield ?? ''}
            onChange={e => set({ subfield: e.target.value as string })}
          >
            {field.subfields.map(s => (
              <MenuItem key={s} value={s}>
                {s}
              </MenuItem>
            ))}
          </TextField>
        ) : (
          <TextField
            size="small"
            variant="outlined"
            label="Subfield"
            id={id('subfield')}
            inputProps={{ 'aria-label': `${label} subfield` }}
            value={condition.subfield ?? ''}
            onChange={e => set({ subfield: e.target.value })}
          />
        ))}
      {valueInput()}
      <Tooltip title="Remove">
        <IconButton
          size="small"
          aria-label={`Remove ${label}`}
          onClick={onRemove}
        >
          <DeleteIcon fontSize="small" />
        </IconButton>
      </Tooltip>
    </Box>
  );
}
