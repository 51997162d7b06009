/**
 * The Maestro plugin for apps on Backstage's new frontend system.
 *
 * @packageDocumentation
 */
export { maestroPlugin as default } from './plugin';
export { maestroEntityFilter } from './lib/maestroEntityFilter';
