import { DatabaseService, LoggerService } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { EventsService } from '@backstage/plugin-events-node';
import { SignalsService } from '@backstage/plugin-signals-node';
import { migrateStore } from './store/migrations';
import { RecordStore } from './store/RecordStore';
import { WritePath } from './writePath/WritePath';
import { EventsChangePublisher } from './writePath/ChangePublisher';
import { readIdentityRules } from './writePath/reconcile';
import { ImportService } from './import/ImportService';

/** The store, the write path and the importer, wired to one database. */
export interface MaestroServices {
  store: RecordStore;
  writePath: WritePath;
  importer: ImportService;
}

/**
 * Opens Maestro's store (running its migrations) and builds the write path
 * on it. Used by the plugin and by the command-line importer, so both write
 * the same way. Without events and signals (command line), the catalog
 * learns of changes at its next scheduled pull.
 */
export async function createMaestroServices(opts: {
  config: Config;
  database: DatabaseService;
  logger: LoggerService;
  events?: EventsService;
  signals?: SignalsService;
}): Promise<MaestroServices> {
  const store = new RecordStore(await migrateStore(opts.database));
  const writePath = new WritePath(
    store,
    new EventsChangePublisher(opts.events, opts.signals),
    opts.logger,
    readIdentityRules(opts.config),
  );
  const importer = new ImportService(
    writePath,
    opts.logger,
    opts.config.getOptionalString('maestro.import.defaultOwner'),
  );
  return { store, writePath, importer };
}
