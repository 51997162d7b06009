export { MaestroDetailsCard } from './MaestroDetailsCard';
export { KIND_FIELDS, fieldsOfKind } from './kindFields';
export type { MaestroField } from './kindFields';
