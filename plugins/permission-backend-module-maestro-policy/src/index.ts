/**
 * The permission policy of Maestro's per-record access.
 *
 * @packageDocumentation
 */
export { permissionModuleMaestroPolicy as default } from './module';
export { MaestroPermissionPolicy } from './MaestroPermissionPolicy';
export type { MaestroDefaultRead } from './MaestroPermissionPolicy';
