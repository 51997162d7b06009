import { HttpAuthService } from '@backstage/backend-plugin-api';
import Router from 'express-promise-router';
import { ImportService } from '../../import/ImportService';
import { actorOf } from '../actor';

/** Import of Maestro 0.6 exports (the same importer as the command line). */
export function importRoutes(deps: {
  importer: ImportService;
  httpAuth: HttpAuthService;
}) {
  const router = Router();
  router.post('/import/maestro-0.6', async (req, res) => {
    const actor = await actorOf(deps.httpAuth, req);
    const summary = await deps.importer.importMaestro06(
      req.body?.files,
      actor,
      'api',
    );
    res.json(summary);
  });
  return router;
}
