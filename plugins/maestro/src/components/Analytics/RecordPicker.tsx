import { TextField } from '@material-ui/core';
import Autocomplete from '@material-ui/lab/Autocomplete';
import { useApi } from '@backstage/frontend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import useAsync from 'react-use/esm/useAsync';
import { maestroApiRef } from '../../api';

export interface RecordOption {
  ref: string;
  title: string;
  family?: string;
}

/** Live records of some kinds (plural names), as options by title. */
export function useRecordOptions(kinds: string[]) {
  const api = useApi(maestroApiRef);
  return useAsync(async () => {
    const pages = await Promise.all(
      kinds.map(kind => api.listRecords(kind, { limit: 1000 })),
    );
    return pages
      .flatMap(page => page.items)
      .map(
        (record): RecordOption => ({
          ref: stringifyEntityRef(record.entity),
          title: record.entity.metadata.title ?? record.entity.metadata.name,
          family: (record.entity.spec as any)?.family,
        }),
      )
      .sort((a, b) => a.title.localeCompare(b.title));
  }, [api, kinds.join(',')]);
}

/** Picks one record of the given kinds, searching by title. */
export function RecordPicker(props: {
  label: string;
  kinds: string[];
  value?: string;
  onChange: (ref: string | undefined) => void;
  exclude?: string[];
}) {
  const options = useRecordOptions(props.kinds);
  const list = (options.value ?? []).filter(
    o => !props.exclude?.includes(o.ref),
  );
  return (
    <Autocomplete
      options={list}
      loading={options.loading}
      value={list.find(o => o.ref === props.value) ?? null}
      getOptionLabel={o => `${o.title}${o.family ? ` (${o.family})` : ''}`}
      getOptionSelected={(a, b) => a.ref === b.ref}
      onChange={(_e, option) => props.onChange(option?.ref)}
      renderInput={params => (
        <TextField {...params} label={props.label} margin="dense" />
      )}
    />
  );
}
