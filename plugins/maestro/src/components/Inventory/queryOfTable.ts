import { RecordQuery } from '@maestro/plugin-maestro-common';

/** What the table reports of its state (material-table's remote query). */
export interface TableQuery {
  page: number;
  pageSize: number;
  orderBy?: { field?: unknown };
  orderDirection?: string;
  filters: Array<{
    column: { field?: unknown; lookup?: unknown };
    value: unknown;
  }>;
}

/**
 * The list API query of a table page: each column filter becomes
 * `filter.<path>` (contains for text, exact for a pick list), sorting and
 * paging go to the database.
 */
export function queryOfTable(
  table: TableQuery,
  fixed: Record<string, string> = {},
): RecordQuery {
  const filter: Record<string, string> = { ...fixed };
  for (const { column, value } of table.filters) {
    const path = typeof column.field === 'string' ? column.field : undefined;
    if (!path) continue;
    if (column.lookup) {
      const picked = Array.isArray(value) ? value : [value];
      // One exact value: the API's filters are all-of, not any-of.
      if (picked.length === 1 && picked[0]) filter[path] = String(picked[0]);
    } else if (typeof value === 'string' && value.trim()) {
      filter[path] = `~${value.trim()}`;
    }
  }
  const sort =
    typeof table.orderBy?.field === 'string' ? table.orderBy.field : undefined;
  let order: RecordQuery['order'];
  if (sort) order = table.orderDirection === 'desc' ? 'desc' : 'asc';
  return {
    filter,
    sort,
    order,
    offset: table.page * table.pageSize,
    limit: table.pageSize,
  };
}
