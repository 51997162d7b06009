import { Box, Button, Paper, Typography } from '@material-ui/core';
import {
  ReportCondition,
  ReportFilter,
  isOrGroup,
  reportFieldsOf,
} from '@maestro/plugin-maestro-common';
import { ConditionEditor, newCondition } from './ConditionEditor';

/**
 * The filters of one kind: conditions ANDed together, and OR groups whose
 * conditions are alternatives.
 */
export function FiltersEditor(props: {
  kind: string;
  filters: ReportFilter[];
  onChange: (filters: ReportFilter[]) => void;
  /** Prefix of the inputs' accessible names (`servers filter 1 field`). */
  label: string;
}) {
  const { kind, filters, onChange, label } = props;
  const fields = reportFieldsOf(kind);
  const first = () =>
    newCondition(fields.find(f => f.path === 'metadata.title') ?? fields[0]);
  const replace = (i: number, filter: ReportFilter | undefined) =>
    onChange(
      filter
        ? filters.map((f, j) => (j === i ? filter : f))
        : filters.filter((_, j) => j !== i),
    );

  return (
    <Box>
      {filters.map((filter, i) =>
        isOrGroup(filter) ? (
          <Paper
            key={i}
            variant="outlined"
            style={{ padding: 8, margin: '8px 0' }}
          >
            <Typography variant="caption">Any of:</Typography>
            {filter.anyOf.map((c, j) => (
              <ConditionEditor
                key={j}
                fields={fields}
                condition={c}
                label={`${label} ${i + 1}.${j + 1}`}
                onChange={next =>
                  replace(i, {
                    anyOf: filter.anyOf.map((x, k) => (k === j ? next : x)),
                  })
                }
                onRemove={() => {
                  const rest = filter.anyOf.filter((_, k) => k !== j);
                  replace(i, rest.length ? { anyOf: rest } : undefined);
                }}
              />
            ))}
            <Button
              size="small"
              onClick={() => replace(i, { anyOf: [...filter.anyOf, first()] })}
            >
              Add alternative
            </Button>
          </Paper>
        ) : (
          <ConditionEditor
            key={i}
            fields={fields}
            condition={filter as ReportCondition}
            label={`${label} ${i + 1}`}
            onChange={next => replace(i, next)}
            onRemove={() => replace(i, undefined)}
          />
        ),
      )}
      <Button
        size="small"
        aria-label={`Add ${label}`}
        onClick={() => onChange([...filters, first()])}
      >
        Add filter
      </Button>
      <Button
        size="small"
        onClick={() => onChange([...filters, { anyOf: [first(), first()] }])}
      >
        Add OR group
      </Button>
    </Box>
  );
}
