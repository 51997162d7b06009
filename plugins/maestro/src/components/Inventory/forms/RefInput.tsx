import { useEffect, useState } from 'react';
import { useApi } from '@backstage/frontend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import TextField from '@material-ui/core/TextField';
import Autocomplete from '@material-ui/lab/Autocomplete';
import { maestroApiRef } from '../../../api';
import { RefTarget } from './types';
import { getAt } from './entityPaths';

interface RefChoice {
  ref: string;
  label: string;
  detail?: string;
}

/** The name part of a ref, as a label until the record's title is known. */
function shortLabel(ref: string) {
  return ref.replace(/^[^:]*:(default\/)?/, '');
}

/**
 * Searches records as the user types (title, hostname, IP... per target),
 * in the database, a page at a time: never the whole inventory.
 */
function useRefSearch(target: RefTarget, text: string) {
  const api = useApi(maestroApiRef);
  const [choices, setChoices] = useState<RefChoice[]>([]);
  const plurals = ([] as string[]).concat(target.plural);
  const key = JSON.stringify([target, text]);
  useEffect(() => {
    let cancelled = false;
    const timer = setTimeout(async () => {
      const paths = target.searchPaths ?? ['metadata.title'];
      const requests = plurals.flatMap(plural =>
        (text ? paths : [undefined]).map(path =>
          api
            .listRecords(plural, {
              filter: {
                ...target.filter,
                ...(path ? { [path]: `~${text}` } : {}),
              },
              limit: 20,
            })
            .catch(() => ({ items: [] })),
        ),
      );
      const pages = await Promise.all(requests);
      const found = new Map<string, RefChoice>();
      for (const page of pages) {
        for (const { entity } of page.items) {
          const ref = stringifyEntityRef(entity);
          const detail = target.detailPath
            ? getAt(entity, target.detailPath)
            : undefined;
          found.set(ref, {
            ref,
            label: entity.metadata.title ?? entity.metadata.name,
            detail: detail === undefined ? undefined : String(detail),
          });
        }
      }
      if (!cancelled) setChoices([...found.values()]);
    }, 250);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, key]);
  return choices;
}

export function RefInput(props: {
  label: string;
  target: RefTarget;
  multiple: boolean;
  value: string | string[] | undefined;
  onChange: (value: string | string[] | undefined) => void;
  error?: string;
  helperText?: string;
  required?: boolean;
}) {
  const { label, target, multiple, value, onChange, error } = props;
  const [text, setText] = useState('');
  const choices = useRefSearch(target, text);
  const [labels, setLabels] = useState<Record<string, string>>({});
  useEffect(() => {
    setLabels(known => {
      const next = { ...known };
      for (const c of choices) next[c.ref] = c.label;
      return next;
    });
  }, [choices]);
  const detailOf = new Map(choices.map(c => [c.ref, c.detail]));
  const labelOf = (ref: string) => labels[ref] ?? shortLabel(ref);
  const selected = multiple
    ? (value as string[] | undefined) ?? []
    : (value as string | undefined) ?? null;

  return (
    <Autocomplete<string, boolean, false, true>
      multiple={multiple}
      freeSolo
      options={choices.map(c => c.ref)}
      value={selected as any}
      filterOptions={options => options}
      getOptionLabel={labelOf}
      renderOption={ref => (
        <span>
          {labelOf(ref)}
          {detailOf.get(ref) ? ` (${detailOf.get(ref)})` : ''}
        </span>
      )}
      onInputChange={(_e, input, reason) => {
        if (reason === 'input') setText(input);
      }}
      onChange={(_e, next) => {
        if (Array.isArray(next)) onChange(next.length ? next : undefined);
        else onChange(next ?? undefined);
      }}
      renderInput={params => (
        <TextField
          {...params}
          inputProps={{ ...params.inputProps, 'aria-label': label }}
          label={label}
          required={props.required}
          error={!!error}
          helperText={error ?? props.helperText}
          margin="dense"
          fullWidth
        />
      )}
    />
  );
}
