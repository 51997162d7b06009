/**
 * The discovery extension point of Maestro and the source interface that
 * provider modules (AWS, Azure, DigitalOcean, OpenStack) implement.
 *
 * @packageDocumentation
 */
export * from './source';
export * from './errors';
export * from './extensionPoint';
export * from './intervals';
export * from './fileFormats';
export * from './access';
export * from './catalogAccess';
export * from './sqliteWriteAheadLog';
