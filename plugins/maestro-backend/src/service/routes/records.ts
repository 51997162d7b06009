import { HttpAuthService } from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { InputError, NotFoundError } from '@backstage/errors';
import Router from 'express-promise-router';
import {
  MaestroKindInfo,
  findMaestroKind,
} from '@maestro/plugin-maestro-common';
import { RecordStore } from '../../store/RecordStore';
import { WritePath } from '../../writePath/WritePath';
import { actorOf } from '../actor';
import { readRecordQuery } from './queryParams';
import { recordToApi } from './toApi';

const MAX_BATCH = 5000;

function kindOf(plural: string): MaestroKindInfo {
  const kind = findMaestroKind(plural);
  if (!kind) throw new NotFoundError(`Unknown kind '${plural}'`);
  return kind;
}

/** CRUD, list and history of records, per kind: `/entities/:kind/...`. */
export function recordRoutes(deps: {
  store: RecordStore;
  writePath: WritePath;
  httpAuth: HttpAuthService;
}) {
  const { store, writePath, httpAuth } = deps;
  const router = Router();
  const apiSource = { type: 'api' as const };

  const refOf = (kind: MaestroKindInfo, namespace: string, name: string) =>
    stringifyEntityRef({ kind: kind.kind, namespace, name });

  const load = async (entityRef: string) => {
    const record = await store.findByRef(entityRef);
    if (!record || record.deleted)
      throw new NotFoundError(`${entityRef} does not exist`);
    return record;
  };

  router.get('/entities/:kind', async (req, res) => {
    const kind = kindOf(req.params.kind);
    await httpAuth.credentials(req);
    const page = await store.list(kind.kind, readRecordQuery(req));
    res.json({ ...page, items: page.items.map(recordToApi) });
  });

  router.post('/entities/:kind', async (req, res) => {
    const kind = kindOf(req.params.kind);
    const actor = await actorOf(httpAuth, req);
    const { record } = await writePath.write(req.body, {
      mode: 'create',
      kind: kind.kind,
      source: apiSource,
      actor,
    });
    res.status(201).json(recordToApi(record));
  });

  router.get('/entities/:kind/:namespace/:name', async (req, res) => {
    const kind = kindOf(req.params.kind);
    await httpAuth.credentials(req);
    res.json(
      recordToApi(
        await load(refOf(kind, req.params.namespace, req.params.name)),
      ),
    );
  });

  router.put('/entities/:kind/:namespace/:name', async (req, res) => {
    const kind = kindOf(req.params.kind);
    const actor = await actorOf(httpAuth, req);
    const body = req.body ?? {};
    const metadata = body.metadata ?? {};
    for (const field of ['name', 'namespace'] as const) {
      if (
        metadata[field] !== undefined &&
        metadata[field] !== req.params[field]
      ) {
        throw new InputError(
          `metadata.${field} cannot change (it is the record's identity)`,
        );
      }
    }
    const { record } = await writePath.write(
      {
        ...body,
        metadata: {
          ...metadata,
          name: req.params.name,
          namespace: req.params.namespace,
        },
      },
      { mode: 'update', kind: kind.kind, source: apiSource, actor },
    );
    res.json(recordToApi(record));
  });

  router.delete('/entities/:kind/:namespace/:name', async (req, res) => {
    const kind = kindOf(req.params.kind);
    const actor = await actorOf(httpAuth, req);
    await writePath.delete(
      refOf(kind, req.params.namespace, req.params.name),
      apiSource,
      actor,
    );
    res.status(204).end();
  });

  router.get('/entities/:kind/:namespace/:name/history', async (req, res) => {
    const kind = kindOf(req.params.kind);
    await httpAuth.credentials(req);
    const items = await store.history(
      refOf(kind, req.params.namespace, req.params.name),
    );
    if (!items.length) throw new NotFoundError('No such record');
    res.json({ items });
  });

  // A client that syncs many records (a script, another inventory) sends
  // them in batches: each batch is written all or nothing.
  router.post('/records/batch', async (req, res) => {
    const actor = await actorOf(httpAuth, req);
    const { mode, entities } = req.body ?? {};
    if (!['create', 'upsert'].includes(mode)) {
      throw new InputError(`'mode' must be create or upsert`);
    }
    if (
      !Array.isArray(entities) ||
      entities.length < 1 ||
      entities.length > MAX_BATCH
    ) {
      throw new InputError(
        `'entities' must be an array of 1 to ${MAX_BATCH} entities`,
      );
    }
    const results = await writePath.writeMany(entities, {
      mode,
      source: apiSource,
      actor,
    });
    const counts = { created: 0, updated: 0, unchanged: 0 };
    for (const r of results) counts[r.action]++;
    res.json({ ...counts, refs: results.map(r => r.record.entityRef) });
  });

  const refParam = (value: unknown) => {
    if (typeof value !== 'string' || !value)
      throw new InputError(`Query parameter 'ref' is required`);
    return value.toLowerCase();
  };

  router.get('/records/by-ref', async (req, res) => {
    await httpAuth.credentials(req);
    res.json(recordToApi(await load(refParam(req.query.ref))));
  });

  router.get('/records/by-ref/history', async (req, res) => {
    await httpAuth.credentials(req);
    const items = await store.history(refParam(req.query.ref));
    if (!items.length) throw new NotFoundError('No such record');
    res.json({ items });
  });

  return router;
}
