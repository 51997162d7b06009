import { HttpAuthService } from '@backstage/backend-plugin-api';
import Router from 'express-promise-router';
import {
  MAESTRO_FAMILIES,
  MAESTRO_KINDS,
  nestOptionLists,
} from '@maestro/plugin-maestro-common';
import { RecordStore } from '../../store/RecordStore';
import { SettingsStore } from '../../settings';
import { RecordAccess } from '../../access';

/** What the UI needs to build its forms: kinds, families, option lists, counts. */
export function metaRoutes(deps: {
  store: RecordStore;
  settings: SettingsStore;
  httpAuth: HttpAuthService;
  access: RecordAccess;
}) {
  const router = Router();
  router.get('/kinds', async (req, res) => {
    // Counts of what the reader may see, not of the whole store.
    const credentials = await deps.httpAuth.credentials(req);
    const counts = await deps.store.countByKind(
      await deps.access.filter(credentials),
    );
    res.json({
      items: MAESTRO_KINDS.map(k => ({
        kind: k.kind,
        plural: k.plural,
        title: k.title,
        apiVersion: k.apiVersion,
        count: counts[k.kind] ?? 0,
      })),
    });
  });
  // The option lists as settings left them, with the services catalog and
  // regions, so that a form needs one request.
  router.get('/options', async (_req, res) => {
    const { options, services, regions } = await deps.settings.read();
    res.json({
      options: nestOptionLists(options),
      families: MAESTRO_FAMILIES,
      services,
      regions,
    });
  });
  return router;
}
