import { HttpAuthService } from '@backstage/backend-plugin-api';
import { InputError, ServiceUnavailableError } from '@backstage/errors';
import { Request } from 'express';
import Router from 'express-promise-router';
import { actorOf } from '../service/actor';
import { ObjectAccess, ObjectAction } from '../access';
import { changesAccess } from '../access/accessChange';
import { DiscoveryService } from './DiscoveryService';

/**
 * Connections of discovery sources and their tasks: a connection is seen
 * by who may read it, changed, switched on and off and synced by its
 * writers, deleted and given another owner or access template by its
 * admins. The service is read at request time: the router exists before
 * the plugin has wired discovery.
 */
export function discoveryRoutes(deps: {
  discovery?: DiscoveryService;
  httpAuth: HttpAuthService;
  objectAccess: ObjectAccess;
}) {
  const router = Router();
  const { httpAuth, objectAccess } = deps;
  const discovery = () => {
    if (!deps.discovery)
      throw new ServiceUnavailableError('Discovery is not running');
    return deps.discovery;
  };
  /** Throws unless the caller may do `action` on the connection (404 when unreadable). */
  const allow = async (req: Request, action: ObjectAction = 'read') => {
    const credentials = await httpAuth.credentials(req);
    await objectAccess.require(
      credentials,
      'connection',
      req.params.id,
      action,
    );
    return credentials;
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
    const credentials = await httpAuth.credentials(req);
    const connections = await discovery().list();
    res.json({
      items: await objectAccess.readable(
        credentials,
        'connection',
        connections,
      ),
    });
  });

  router.post('/connections', async (req, res) => {
    await objectAccess.requireCreate(
      await httpAuth.credentials(req),
      'connection',
    );
    const actor = await actorOf(httpAuth, req);
    res.status(201).json(await discovery().create(req.body, actor));
  });

  router.get('/connections/:id', async (req, res) => {
    await allow(req);
    res.json(await discovery().get(req.params.id));
  });

  router.put('/connections/:id', async (req, res) => {
    const credentials = await allow(req, 'update');
    // Its owner and the access template of the records it creates are
    // access, as a record's owner is: its admins' to change.
    const current = await discovery().get(req.params.id);
    if (
      changesAccess(
        { owner: current.owner, entries: current.accessTemplate },
        { owner: req.body?.owner, entries: req.body?.accessTemplate },
      )
    ) {
      await objectAccess.require(
        credentials,
        'connection',
        req.params.id,
        'manageAccess',
      );
    }
    const actor = await actorOf(httpAuth, req);
    res.json(await discovery().update(req.params.id, req.body, actor));
  });

  router.delete('/connections/:id', async (req, res) => {
    await allow(req, 'delete');
    await discovery().delete(req.params.id);
    res.status(204).end();
  });

  router.get('/connections/:id/tasks', async (req, res) => {
    await allow(req);
    res.json({ items: await discovery().tasks(req.params.id) });
  });

  router.put('/connections/:id/tasks/:task', async (req, res) => {
    await allow(req, 'update');
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
    await allow(req, 'update');
    await discovery().syncNow(req.params.id, req.params.task);
    res.status(202).json({ started: true });
  });

  return router;
}
