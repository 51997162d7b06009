import { HttpAuthService } from '@backstage/backend-plugin-api';
import { InputError, NotAllowedError } from '@backstage/errors';
import { Request } from 'express';
import Router from 'express-promise-router';
import { Knex } from 'knex';
import { CatalogEntityStore } from './CatalogEntityStore';

/** Entities or refs per request: the sync sends pages of a few hundred. */
const MAX_BATCH = 1000;

function listOf(value: unknown, name: string): unknown[] {
  if (!Array.isArray(value)) throw new InputError(`'${name}' must be a list`);
  if (value.length > MAX_BATCH)
    throw new InputError(`'${name}' holds at most ${MAX_BATCH} items`);
  return value;
}

/**
 * `/catalog-entities`: the catalog's sync keeps Maestro's copy of the
 * entities declared in the catalog (not published by Maestro) here. Only the
 * catalog plugin may call it: the copy is the catalog's word, no one else's.
 */
export function catalogEntityRoutes(deps: {
  store: { knex: Knex };
  httpAuth: HttpAuthService;
}) {
  const router = Router();
  let store: CatalogEntityStore | undefined;
  const entities = () => (store ??= new CatalogEntityStore(deps.store.knex));
  const fromCatalog = async (req: Request) => {
    const credentials = await deps.httpAuth.credentials(req, {
      allow: ['service'],
    });
    if (credentials.principal.subject !== 'plugin:catalog')
      throw new NotAllowedError(
        'Only the catalog keeps the copy of its entities',
      );
  };

  router.get('/catalog-entities', async (req, res) => {
    await fromCatalog(req);
    res.json({ items: await entities().list() });
  });

  router.post('/catalog-entities', async (req, res) => {
    await fromCatalog(req);
    res.json(await entities().write(listOf(req.body?.entities, 'entities')));
  });

  router.post('/catalog-entities/removals', async (req, res) => {
    await fromCatalog(req);
    const refs = listOf(req.body?.entityRefs, 'entityRefs');
    if (!refs.every(r => typeof r === 'string'))
      throw new InputError(`'entityRefs' must be a list of entity refs`);
    res.json({ removed: await entities().remove(refs as string[]) });
  });

  return router;
}
