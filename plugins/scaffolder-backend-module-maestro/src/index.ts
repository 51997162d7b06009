/**
 * Scaffolder module for Maestro: the `maestro:entity:create` action.
 *
 * @packageDocumentation
 */
export { scaffolderModuleMaestro as default } from './module';
export { createMaestroEntityAction } from './actions/createEntity';
