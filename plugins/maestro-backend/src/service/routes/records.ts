import { HttpAuthService } from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { InputError, NotAllowedError, NotFoundError } from '@backstage/errors';
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
import { RecordAccess } from '../../access';
import {
  maestroRecordDeletePermission,
  maestroRecordManageAccessPermission,
  maestroRecordUpdatePermission,
  normalizePrincipal,
} from '@maestro/plugin-maestro-common';

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
  access: RecordAccess;
}) {
  const { store, writePath, httpAuth, access } = deps;
  const router = Router();
  const apiSource = { type: 'api' as const };

  const refOf = (kind: MaestroKindInfo, namespace: string, name: string) =>
    stringifyEntityRef({ kind: kind.kind, namespace, name });

  /** The record, if the caller may read it (and do `permission` on it). */
  const load = async (
    req: Parameters<HttpAuthService['credentials']>[0],
    entityRef: string,
    permission?: Parameters<RecordAccess['require']>[2],
  ) => {
    const record = await store.findByRef(entityRef);
    if (!record || record.deleted)
      throw new NotFoundError(`${entityRef} does not exist`);
    await access.require(await httpAuth.credentials(req), record, permission);
    return record;
  };

  /** History is read like the record; a deleted record's stays readable. */
  const historyOf = async (
    req: Parameters<HttpAuthService['credentials']>[0],
    entityRef: string,
  ) => {
    const record = await store.findByRef(entityRef);
    if (!record) throw new NotFoundError('No such record');
    await access.require(await httpAuth.credentials(req), record);
    return store.history(entityRef);
  };

  /** New records belong to their creator unless they name an owner. */
  const withCreatorAsOwner = (body: any, actor: string) => {
    if (!actor.startsWith('user:') || body?.spec?.owner) return body;
    return { ...body, spec: { ...(body?.spec ?? {}), owner: actor } };
  };

  router.get('/entities/:kind', async (req, res) => {
    const kind = kindOf(req.params.kind);
    const readable = await access.filter(await httpAuth.credentials(req));
    const page = await store.list(kind.kind, readRecordQuery(req), readable);
    res.json({ ...page, items: page.items.map(recordToApi) });
  });

  router.post('/entities/:kind', async (req, res) => {
    const kind = kindOf(req.params.kind);
    const actor = await actorOf(httpAuth, req);
    const { record } = await writePath.write(
      withCreatorAsOwner(req.body, actor),
      {
        mode: 'create',
        kind: kind.kind,
        source: apiSource,
        actor,
      },
    );
    res.status(201).json(recordToApi(record));
  });

  router.get('/entities/:kind/:namespace/:name', async (req, res) => {
    const kind = kindOf(req.params.kind);
    res.json(
      recordToApi(
        await load(req, refOf(kind, req.params.namespace, req.params.name)),
      ),
    );
  });

  router.put('/entities/:kind/:namespace/:name', async (req, res) => {
    const kind = kindOf(req.params.kind);
    const actor = await actorOf(httpAuth, req);
    const body = req.body ?? {};
    const existing = await load(
      req,
      refOf(kind, req.params.namespace, req.params.name),
      maestroRecordUpdatePermission,
    );
    const ownerOf = (entity: any) =>
      typeof entity?.spec?.owner === 'string' && entity.spec.owner
        ? normalizePrincipal(entity.spec.owner)
        : undefined;
    if (
      body.spec &&
      'owner' in body.spec &&
      ownerOf(body) !== ownerOf(existing.entity)
    ) {
      // Handing a record to someone else is an access change: admins only.
      await load(req, existing.entityRef, maestroRecordManageAccessPermission);
    }
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
    const ref = refOf(kind, req.params.namespace, req.params.name);
    await load(req, ref, maestroRecordDeletePermission);
    await writePath.delete(ref, apiSource, actor);
    res.status(204).end();
  });

  router.get('/entities/:kind/:namespace/:name/history', async (req, res) => {
    const kind = kindOf(req.params.kind);
    const items = await historyOf(
      req,
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
    // A batch may only change records the caller may write: a dry run
    // finds which existing records it would update, before anything is.
    const planned = await writePath.writeMany(entities, {
      mode,
      source: apiSource,
      actor,
      dryRun: true,
    });
    const updatedIds = planned
      .filter(r => r.action === 'updated')
      .map(r => r.record.id);
    const denied = await access.denied(
      await httpAuth.credentials(req),
      updatedIds,
      maestroRecordUpdatePermission,
    );
    if (denied.length) {
      const refs = planned
        .filter(r => denied.includes(r.record.id))
        .map(r => r.record.entityRef);
      throw new NotAllowedError(
        `You may not change ${refs.slice(0, 10).join(', ')}${
          refs.length > 10 ? ` and ${refs.length - 10} more` : ''
        }; nothing was written`,
      );
    }
    const results = await writePath.writeMany(
      // Only new records take their creator as owner; updates keep theirs.
      entities.map((e: any, i: number) =>
        planned[i]?.action === 'created' ? withCreatorAsOwner(e, actor) : e,
      ),
      { mode, source: apiSource, actor },
    );
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
    res.json(recordToApi(await load(req, refParam(req.query.ref))));
  });

  router.get('/records/by-ref/history', async (req, res) => {
    const items = await historyOf(req, refParam(req.query.ref));
    if (!items.length) throw new NotFoundError('No such record');
    res.json({ items });
  });

  return router;
}
