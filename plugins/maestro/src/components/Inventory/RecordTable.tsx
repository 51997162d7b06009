import { useMemo, useRef, useState } from 'react';
import { useApi } from '@backstage/frontend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { Progress, Table, TableColumn } from '@backstage/core-components';
import { MaestroRecord } from '@maestro/plugin-maestro-common';
import Button from '@material-ui/core/Button';
import IconButton from '@material-ui/core/IconButton';
import DeleteIcon from '@material-ui/icons/Delete';
import EditIcon from '@material-ui/icons/Edit';
import { maestroApiRef } from '../../api';
import { InventorySection } from './sections';
import { RecordDialog } from './RecordDialog';
import { DeleteRecordDialog } from './DeleteRecordDialog';
import { queryOfTable } from './queryOfTable';
import { useFormChoices } from './useFormChoices';
import { latestOnly } from './latestOnly';

type Editing = { entity?: Entity } | undefined;

/**
 * One inventory tab: a page of records at a time, filtered, sorted and
 * counted by the database, with create, edit and delete.
 */
export function RecordTable(props: { section: InventorySection }) {
  const { section } = props;
  const api = useApi(maestroApiRef);
  const choices = useFormChoices();
  const tableRef = useRef<any>();
  const [editing, setEditing] = useState<Editing>();
  const [deleting, setDeleting] = useState<Entity>();
  const [count, setCount] = useState<number>();
  const refresh = () => tableRef.current?.onQueryChange?.();
  const listPage = useMemo(
    () =>
      latestOnly((query: any) =>
        api.listRecords(
          section.form.plural,
          queryOfTable(query, section.filter),
        ),
      ),
    [api, section],
  );

  const columns = useMemo<TableColumn<MaestroRecord>[]>(
    () => [
      ...section.columns.map(c => ({
        title: c.title,
        field: c.path,
        sorting: !!c.path,
        filtering: !!c.path,
        lookup: c.lookup
          ? Object.fromEntries(choices.list(c.lookup).map(v => [v, v]))
          : undefined,
        render: (r: MaestroRecord) =>
          c.render ? c.render(r.entity, r) : undefined,
      })),
      {
        title: 'Actions',
        sorting: false,
        filtering: false,
        render: (r: MaestroRecord) => {
          const label = r.entity.metadata.title ?? r.entity.metadata.name;
          return (
            <>
              <IconButton
                size="small"
                aria-label={`Edit ${label}`}
                onClick={() => setEditing({ entity: r.entity })}
              >
                <EditIcon fontSize="small" />
              </IconButton>
              <IconButton
                size="small"
                aria-label={`Delete ${label}`}
                onClick={() => setDeleting(r.entity)}
              >
                <DeleteIcon fontSize="small" />
              </IconButton>
            </>
          );
        },
      },
    ],
    [section, choices],
  );

  // The columns' pick lists come from the settings; a table shown before they
  // load would rebuild its columns when they arrive and drop a typed filter.
  if (choices.loading) return <Progress />;

  return (
    <>
      <Table<MaestroRecord>
        key={section.id}
        tableRef={tableRef}
        title={`Maestro ${section.title}${
          count === undefined ? '' : ` (${count})`
        }`}
        columns={columns}
        options={{
          filtering: true,
          search: false,
          paging: true,
          pageSize: 20,
          pageSizeOptions: [20, 50, 100],
          debounceInterval: 400,
          emptyRowsWhenPaging: false,
        }}
        data={async query => {
          const page = await listPage(query);
          setCount(page.totalCount);
          return {
            data: page.items,
            page: Math.floor(page.offset / Math.max(1, page.limit)),
            totalCount: page.totalCount,
          };
        }}
        actions={[
          {
            icon: () => (
              <Button color="primary" variant="contained" component="span">
                New {section.form.title.toLowerCase()}
              </Button>
            ),
            tooltip: `New ${section.form.title.toLowerCase()}`,
            isFreeAction: true,
            onClick: () => setEditing({}),
          },
        ]}
      />
      <RecordDialog
        form={section.form}
        entity={editing?.entity}
        open={!!editing}
        onClose={() => setEditing(undefined)}
        onSaved={() => {
          setEditing(undefined);
          refresh();
        }}
      />
      {deleting && (
        <DeleteRecordDialog
          plural={section.form.plural}
          entity={deleting}
          onClose={() => setDeleting(undefined)}
          onDeleted={() => {
            setDeleting(undefined);
            refresh();
          }}
        />
      )}
    </>
  );
}
