export { inventoryRoutes } from './inventoryRoutes';
export { findReferences } from './referenceFinder';
export type { RecordReference, ReferencesPage } from './referenceFinder';
