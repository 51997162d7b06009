/**
 * Maestro's backend library: the extension points that backend modules
 * use to add discovery sources and file formats.
 *
 * @packageDocumentation
 */
export * from './fileFormats';
