import { HttpAuthService } from '@backstage/backend-plugin-api';
import { InputError, NotFoundError } from '@backstage/errors';
import Router from 'express-promise-router';
import { actorOf } from '../service/actor';
import { SettingsStore } from './SettingsStore';
import {
  validateOptionList,
  validateRegions,
  validateServices,
} from './validateSettings';

const PROVIDER = /^[A-Za-z0-9][A-Za-z0-9 ._-]{0,62}$/;

/** Settings: option lists, the services catalog, regions and zones. */
export function settingsRoutes(deps: {
  settings: SettingsStore;
  httpAuth: HttpAuthService;
}) {
  const { settings, httpAuth } = deps;
  const router = Router();

  router.get('/settings', async (req, res) => {
    await httpAuth.credentials(req);
    res.json(await settings.read());
  });

  router.put('/settings/options/:list', async (req, res) => {
    const actor = await actorOf(httpAuth, req);
    const current = await settings.read();
    // Only lists the forms use can be edited; a new name would be a typo.
    if (!(req.params.list in current.options))
      throw new NotFoundError(`No option list '${req.params.list}'`);
    const values = validateOptionList(req.body?.values);
    await settings.setOptionList(req.params.list, values, actor);
    res.json({ list: req.params.list, values });
  });

  router.put('/settings/services', async (req, res) => {
    const actor = await actorOf(httpAuth, req);
    const services = validateServices(req.body?.services);
    await settings.setServices(services, actor);
    res.json({ services });
  });

  router.put('/settings/regions/:provider', async (req, res) => {
    const actor = await actorOf(httpAuth, req);
    const provider = req.params.provider;
    if (!PROVIDER.test(provider))
      throw new InputError(`Invalid provider name '${provider}'`);
    const regions = validateRegions(req.body?.regions);
    await settings.setRegions(provider, regions, actor);
    res.json({ provider, regions });
  });

  return router;
}
