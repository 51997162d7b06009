import Router from 'express-promise-router';
import {
  MAESTRO_FAMILIES,
  MAESTRO_KINDS,
  MAESTRO_OPTIONS,
} from '@maestro/plugin-maestro-common';
import { RecordStore } from '../../store/RecordStore';

/** What the UI needs to build its forms: kinds, families, option lists, counts. */
export function metaRoutes(deps: { store: RecordStore }) {
  const router = Router();
  router.get('/kinds', async (_req, res) => {
    const counts = await deps.store.countByKind();
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
  router.get('/options', async (_req, res) => {
    res.json({ options: MAESTRO_OPTIONS, families: MAESTRO_FAMILIES });
  });
  return router;
}
