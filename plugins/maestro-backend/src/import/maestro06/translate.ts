import { Entity } from '@backstage/catalog-model';
import { validateMaestroEntity } from '@maestro/plugin-maestro-common';
import { translateApplications } from './applications';
import { translateClients } from './clients';
import {
  translateImages,
  translateNetworks,
  translateSnapshots,
} from './cloudResources';
import { ImportContext } from './context';
import { translateDatacenters } from './datacenters';
import { translateDependencies } from './dependencies';
import { translateServers } from './servers';
import { translateSystems } from './systems';
import { translateTeams } from './teams';
import {
  MAESTRO06_FILES,
  Maestro06Translation,
  TranslateMaestro06Options,
} from './types';

/** Owner of imported systems, applications and resources unless told. */
export const DEFAULT_IMPORT_OWNER = 'group:default/sre-engineers';
/** Any fixed number: what matters is that it does not change between runs. */
export const DEFAULT_IMPORT_SEED = 6;

/**
 * Translates the documents of a Maestro 0.6 export into entities of Maestro's
 * model. Pure: no database, no clock, no Math.random, so the same files give
 * the same entities every time.
 *
 * `files` is keyed by the export's file names (`servers.json`, ...); any
 * file may be missing. When `errors` is not empty the import must write
 * nothing: a partial import would leave references pointing nowhere.
 */
export function translateMaestro06(
  files: Record<string, unknown>,
  options: TranslateMaestro06Options = {},
): Maestro06Translation {
  const ctx = new ImportContext(
    options.owner ?? DEFAULT_IMPORT_OWNER,
    options.seed ?? DEFAULT_IMPORT_SEED,
  );
  for (const file of Object.keys(files)) {
    if (!(MAESTRO06_FILES as readonly string[]).includes(file)) {
      // Most likely a misspelt name (`server.json`), which would otherwise
      // import nothing of that file without a word.
      ctx.error(
        file,
        undefined,
        undefined,
        `is not a Maestro 0.6 file; expected one of ${MAESTRO06_FILES.join(
          ', ',
        )}`,
      );
    }
  }

  // Order matters: each step only refers to what earlier steps made.
  const sites = translateDatacenters(ctx, files);
  translateClients(ctx, files);
  translateTeams(ctx, files);
  translateSystems(ctx, files);
  translateApplications(ctx, files);
  translateServers(ctx, files, sites);
  const entryPointsWithoutSystem = translateDependencies(ctx, files);
  translateNetworks(ctx, files);
  translateImages(ctx, files);
  translateSnapshots(ctx, files);

  // Last, so that links added by later steps (servers, dependencies, entry
  // points) are checked too.
  for (const { entity, file, index } of ctx.produced) {
    for (const e of validateMaestroEntity(entity)) {
      ctx.error(file, index, e.field, `${describe(entity)}: ${e.message}`);
    }
  }

  return {
    entities: ctx.produced.map(p => p.entity),
    errors: ctx.errors,
    saved: {
      reports: files['reports.json'],
      analytics: files['analytics.json'],
    },
    entryPointsWithoutSystem,
  };
}

function describe(entity: Entity): string {
  return `${entity.kind} ${entity.metadata.name}`;
}
