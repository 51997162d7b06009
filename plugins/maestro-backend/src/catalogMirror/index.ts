export { catalogEntityRoutes } from './catalogEntityRoutes';
export { CatalogEntityStore, CATALOG_ENTITIES } from './CatalogEntityStore';
export type { CatalogEntitiesWritten } from './CatalogEntityStore';
export { CatalogEntityKinds } from './CatalogEntityKinds';
