import { HttpAuthService } from '@backstage/backend-plugin-api';
import { InputError, ServiceUnavailableError } from '@backstage/errors';
import Router from 'express-promise-router';
import { actorOf } from '../service/actor';
import { DiscoveryService } from './DiscoveryService';

/**
 * Connections of discovery sources and their tasks. The service is read at
 * request time: the router exists before the plugin has wired discovery.
 */
export function discoveryRoutes(deps: {
  discovery?: DiscoveryService;
  httpAuth: HttpAuthService;
}) {
  const router = Router();
  const { httpAuth } = deps;
  const discovery = () => {
    if (!deps.discovery)
      throw new ServiceUnavailableError('Discovery is not running');
    return deps.discovery;
  };

  router.get('/connection-types', async (req, res) => {
    await httpAuth.credentials(req);
    res.json({
      items: discovery()
        .listSources()
        .map(source => ({
          type: source.type,
          title: source.title,
          fields: source.fields,
          tasks: source.tasks.map(t => ({
            name: t.name,
            description: t.description,
            interval: t.defaultInterval,
            permissions: t.permissions,
          })),
        })),
    });
  });

  router.get('/connections', async (req, res) => {
    await httpAuth.credentials(req);
    res.json({ items: await discovery().list() });
  });

  router.post('/connections', async (req, res) => {
    const actor = await actorOf(httpAuth, req);
    res.status(201).json(await discovery().create(req.body, actor));
  });

  router.get('/connections/:id', async (req, res) => {
    await httpAuth.credentials(req);
    res.json(await discovery().get(req.params.id));
  });

  router.put('/connections/:id', async (req, res) => {
    const actor = await actorOf(httpAuth, req);
    res.json(await discovery().update(req.params.id, req.body, actor));
  });

  router.delete('/connections/:id', async (req, res) => {
    await actorOf(httpAuth, req);
    await discovery().delete(req.params.id);
    res.status(204).end();
  });

  router.get('/connections/:id/tasks', async (req, res) => {
    await httpAuth.credentials(req);
    res.json({ items: await discovery().tasks(req.params.id) });
  });

  router.put('/connections/:id/tasks/:task', async (req, res) => {
    await actorOf(httpAuth, req);
    if (typeof req.body?.enabled !== 'boolean') {
      throw new InputError(`'enabled' must be true or false`);
    }
    res.json(
      await discovery().setTaskEnabled(
        req.params.id,
        req.params.task,
        req.body.enabled,
      ),
    );
  });

  router.post('/connections/:id/tasks/:task/sync', async (req, res) => {
    await actorOf(httpAuth, req);
    await discovery().syncNow(req.params.id, req.params.task);
    res.status(202).json({ started: true });
  });

  return router;
}
