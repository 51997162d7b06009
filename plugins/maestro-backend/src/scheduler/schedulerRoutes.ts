import { HttpAuthService } from '@backstage/backend-plugin-api';
import Router from 'express-promise-router';
import { DiscoveryService } from '../discovery';
import { ReportServices } from '../reports';
import { listScheduledWork } from './scheduledWork';

/** `/scheduler/work`: discovery tasks and report refreshes, for the Scheduler page. */
export function schedulerRoutes(deps: {
  httpAuth: HttpAuthService;
  discovery?: DiscoveryService;
  reports?: ReportServices;
}) {
  const router = Router();
  router.get('/scheduler/work', async (req, res) => {
    await deps.httpAuth.credentials(req);
    res.json({ items: await listScheduledWork(deps) });
  });
  return router;
}
