import { HttpAuthService } from '@backstage/backend-plugin-api';
import { NotFoundError, ServiceUnavailableError } from '@backstage/errors';
import Router from 'express-promise-router';
import { actorOf } from '../service/actor';
import { JobService } from './JobService';
import { JobStore } from './JobStore';
import { Job } from './types';
import { validateJob } from './validateJob';

/** Header values may hold tokens: the API shows that they are set, not what they are. */
export const MASK = '********';

function toApi(job: Job) {
  const headers = job.webhook.headers;
  return {
    ...job,
    webhook: {
      ...job.webhook,
      headers: headers
        ? Object.fromEntries(Object.keys(headers).map(k => [k, MASK]))
        : undefined,
    },
  };
}

/** `/jobs`: the Scheduler page's custom jobs, their runs and "run now". */
export function jobRoutes(deps: {
  services?: { jobs: JobService; store: JobStore; canStoreHeaders: boolean };
  httpAuth: HttpAuthService;
}) {
  const { httpAuth } = deps;
  const router = Router();
  if (!deps.services) {
    // Served all the same, so the API is the same wherever it is mounted.
    router.use('/jobs', () => {
      throw new ServiceUnavailableError('Scheduled jobs are not set up');
    });
  }
  const { jobs, store, canStoreHeaders } = deps.services ?? ({} as never);

  router.get('/jobs', async (req, res) => {
    await httpAuth.credentials(req);
    res.json({ items: (await store.list()).map(toApi) });
  });

  router.post('/jobs', async (req, res) => {
    const actor = await actorOf(httpAuth, req);
    const input = validateJob(req.body, { canStoreHeaders });
    res.status(201).json(toApi(await jobs.create(input, actor)));
  });

  router.get('/jobs/:id', async (req, res) => {
    await httpAuth.credentials(req);
    res.json(toApi(await jobs.get(req.params.id)));
  });

  router.put('/jobs/:id', async (req, res) => {
    await actorOf(httpAuth, req);
    const current = await jobs.get(req.params.id);
    // A masked value sent back unchanged keeps the stored one.
    const headers = req.body?.webhook?.headers;
    if (headers && typeof headers === 'object') {
      for (const [key, value] of Object.entries(headers)) {
        if (value === MASK && current.webhook.headers?.[key] !== undefined)
          headers[key] = current.webhook.headers[key];
      }
    }
    const input = validateJob(req.body, { canStoreHeaders });
    res.json(toApi(await jobs.update(req.params.id, input)));
  });

  router.delete('/jobs/:id', async (req, res) => {
    await actorOf(httpAuth, req);
    if (!(await store.delete(req.params.id)))
      throw new NotFoundError(`No job ${req.params.id}`);
    res.status(204).end();
  });

  router.post('/jobs/:id/run', async (req, res) => {
    await actorOf(httpAuth, req);
    res.json(await jobs.runNow(req.params.id));
  });

  router.get('/jobs/:id/runs', async (req, res) => {
    await httpAuth.credentials(req);
    await jobs.get(req.params.id);
    res.json({ items: await store.runs(req.params.id) });
  });

  return router;
}
