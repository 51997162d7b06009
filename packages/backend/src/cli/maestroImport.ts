/*
 * maestro-import <folder> [--config app-config.yaml ...]
 *
 * Imports a Maestro 0.6 export (a folder of servers.json, apps.json,
 * deps.json, ...) into the Maestro store configured for this backend, through
 * the same importer and write path as the API. All or nothing: a bad item
 * anywhere fails the import, naming the file, the item and the field. A
 * running portal's catalog picks the records up at its next pull.
 */
import { ConfigSources } from '@backstage/config-loader';
import { DatabaseManager } from '@backstage/backend-defaults/database';
import { LoggerService } from '@backstage/backend-plugin-api';
import { createMaestroServices } from '@maestro/plugin-maestro-backend';
import path from 'path';

function consoleLogger(): LoggerService {
  const log = (level: string) => (message: string, meta?: unknown) => {
    if (level === 'debug') return;
    console.error(
      `${level}: ${message}${meta instanceof Error ? ` ${meta}` : ''}`,
    );
  };
  const logger: LoggerService = {
    error: log('error'),
    warn: log('warn'),
    info: log('info'),
    debug: log('debug'),
    child: () => logger,
  };
  return logger;
}

async function main(argv: string[]) {
  const folder = argv.find(
    (a, i) => !a.startsWith('--') && argv[i - 1] !== '--config',
  );
  if (!folder) {
    console.error(
      'usage: maestro-import <folder of Maestro 0.6 JSON files> [--config <app-config.yaml>]',
    );
    return 2;
  }
  // The bin runs from packages/backend; paths given by the user are relative
  // to where they typed the command.
  const target = path.resolve(
    process.env.MAESTRO_CLI_CWD ?? process.cwd(),
    folder,
  );
  const config = await ConfigSources.toConfig(
    ConfigSources.default({
      argv,
      rootDir: path.resolve(process.cwd(), '../..'),
    }),
  );
  const logger = consoleLogger();
  const database = DatabaseManager.fromConfig(config).forPlugin('maestro', {
    logger,
    lifecycle: {
      addStartupHook() {},
      addShutdownHook() {},
      addBeforeShutdownHook() {},
    } as any,
  });
  const { importer, store } = await createMaestroServices({
    config,
    database,
    logger,
  });
  try {
    const summary = await importer.importDirectory(
      target,
      `user:default/${process.env.USER ?? 'cli'}`,
      'command line',
    );
    console.log(JSON.stringify(summary, null, 2));
    return 0;
  } catch (error: any) {
    const fieldErrors: Array<{ field: string; message: string }> =
      error.fieldErrors ?? [];
    console.error(
      `Import failed, nothing was written: ${
        fieldErrors.length
          ? `${fieldErrors.length} problem${
              fieldErrors.length === 1 ? '' : 's'
            }`
          : error.message
      }`,
    );
    for (const e of fieldErrors) console.error(`  ${e.field}: ${e.message}`);
    return 1;
  } finally {
    await store.knex.destroy();
    config.close();
  }
}

main(process.argv.slice(2)).then(code => process.exit(code));
