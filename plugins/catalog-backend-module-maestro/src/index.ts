/**
 * Catalog backend module for Maestro: the processor of the Maestro kinds and
 * the entity provider that mirrors the Maestro store into the catalog.
 *
 * @packageDocumentation
 */
export { catalogModuleMaestro as default } from './module';
export { MaestroEntityProcessor } from './processor/MaestroEntityProcessor';
export { SharedTargetRelations } from './processor/SharedTargetRelations';
export { MaestroEntityProvider } from './provider/MaestroEntityProvider';
export type { MaestroEntityProviderOptions } from './provider/MaestroEntityProvider';
