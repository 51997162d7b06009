import { TableColumn } from '@backstage/core-components';
import { EntityListContextProps } from '@backstage/plugin-catalog-react';
import { EntityRow, KIND_COLUMNS, toTableColumn } from './kindColumns';

/**
 * The catalog table's columns when the list is filtered to one Maestro kind,
 * or undefined for any other kind so that the caller keeps its defaults:
 *
 * ```ts
 * columns: ctx => maestroCatalogColumns(ctx) ?? CatalogTable.defaultColumnsFunc(ctx)
 * ```
 *
 * @public
 */
export function maestroCatalogColumns<T extends EntityRow>(
  context: Pick<EntityListContextProps, 'filters'>,
): TableColumn<T>[] | undefined {
  const kind = context.filters.kind?.value?.toLocaleLowerCase('en-US');
  const columns = kind ? KIND_COLUMNS[kind] : undefined;
  return columns?.map(c => toTableColumn<T>(c));
}
