import { HttpAuthService } from '@backstage/backend-plugin-api';
import Router from 'express-promise-router';
import { DiscoveryService } from '../discovery';
import { ReportServices } from '../reports';
import { ObjectAccess } from '../access';
import { listScheduledWork } from './scheduledWork';

/** `/scheduler/work`: discovery tasks and report refreshes, for the Scheduler page. */
export function schedulerRoutes(deps: {
  httpAuth: HttpAuthService;
  discovery?: DiscoveryService;
  reports?: ReportServices;
  objectAccess: ObjectAccess;
}) {
  const router = Router();
  router.get('/scheduler/work', async (req, res) => {
    const credentials = await deps.httpAuth.credentials(req);
    res.json({
      items: await listScheduledWork({
        ...deps,
        readable: (kind, items) =>
          deps.objectAccess.readable(credentials, kind, items),
      }),
    });
  });
  return router;
}
