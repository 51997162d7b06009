import { HttpAuthService } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import Router from 'express-promise-router';
import { RecordStore } from '../../store/RecordStore';

const MAX_LIMIT = 5000;

/** The ordered change feed the catalog's entity provider reads (services only: it holds every record). */
export function changeRoutes(deps: {
  store: RecordStore;
  httpAuth: HttpAuthService;
}) {
  const router = Router();
  router.get('/changes', async (req, res) => {
    await deps.httpAuth.credentials(req, { allow: ['service'] });
    const after = Number(req.query.after ?? 0);
    const limit = Number(req.query.limit ?? 500);
    if (!Number.isInteger(after) || after < 0)
      throw new InputError(`'after' must be a non-negative integer`);
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
      throw new InputError(`'limit' must be an integer from 1 to ${MAX_LIMIT}`);
    }
    res.json(await deps.store.changes(after, limit));
  });
  return router;
}
