import { HttpAuthService } from '@backstage/backend-plugin-api';
import Router from 'express-promise-router';
import { MaestroObjectKind } from '@maestro/plugin-maestro-common';
import { actorOf } from '../service/actor';
import { ObjectAccess } from './ObjectAccess';

/** Where each kind's access is served, beside the kind's own routes. */
const PATHS: Record<MaestroObjectKind, string> = {
  report: '/reports/:id/access',
  graph: '/analytics/graphs/:id/access',
  connection: '/connections/:id/access',
};

/**
 * `GET`/`PUT .../:id/access` of reports, graphs and connections: the same
 * body and answer as a record's access (owner, entries, allowed).
 */
export function objectAccessRoutes(deps: {
  httpAuth: HttpAuthService;
  objectAccess: ObjectAccess;
}) {
  const { httpAuth, objectAccess } = deps;
  const router = Router();
  for (const [kind, path] of Object.entries(PATHS) as Array<
    [MaestroObjectKind, string]
  >) {
    router.get(path, async (req, res) => {
      const credentials = await httpAuth.credentials(req);
      res.json(await objectAccess.describe(credentials, kind, req.params.id));
    });
    router.put(path, async (req, res) => {
      const credentials = await httpAuth.credentials(req);
      const actor = await actorOf(httpAuth, req);
      res.json(
        await objectAccess.change(
          credentials,
          kind,
          req.params.id,
          req.body,
          actor,
        ),
      );
    });
  }
  return router;
}
