export { maestroCatalogColumns } from './maestroCatalogColumns';
export { KIND_COLUMNS } from './kindColumns';
export type { MaestroColumn } from './kindColumns';
