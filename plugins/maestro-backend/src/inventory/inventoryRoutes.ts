import { HttpAuthService } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import Router from 'express-promise-router';
import { RecordStore } from '../store/RecordStore';
import { findReferences } from './referenceFinder';
import { RecordAccess } from '../access';

/** What the inventory screens need beyond plain CRUD: who references a record. */
export function inventoryRoutes(deps: {
  store: RecordStore;
  httpAuth: HttpAuthService;
  access: RecordAccess;
}) {
  const router = Router();

  router.get('/records/by-ref/references', async (req, res) => {
    const credentials = await deps.httpAuth.credentials(req);
    const ref = req.query.ref;
    if (typeof ref !== 'string' || !ref) {
      throw new InputError(`Query parameter 'ref' is required`);
    }
    res.json(
      await findReferences(
        deps.store.knex,
        ref,
        100,
        await deps.access.filter(credentials),
      ),
    );
  });

  return router;
}
