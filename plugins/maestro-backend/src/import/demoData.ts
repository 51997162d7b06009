import { LoggerService } from '@backstage/backend-plugin-api';
import path from 'path';
import { RecordStore } from '../store/RecordStore';
import { ImportService } from './ImportService';

/**
 * Loads Maestro's demo inventory into an empty store, so a new portal shows
 * a real inventory. A store that holds anything is left alone.
 */
export async function loadDemoOnFirstStart(opts: {
  store: RecordStore;
  importer: ImportService;
  logger: LoggerService;
  directory: string;
}) {
  if (!(await opts.store.isEmpty())) return;
  const directory = path.resolve(opts.directory);
  opts.logger.info(
    `Empty Maestro store: loading the demo inventory from ${directory}`,
  );
  try {
    await opts.importer.importDirectory(directory, 'service:maestro', 'demo');
  } catch (error) {
    opts.logger.error(`Could not load the demo inventory: ${error}`);
  }
}
