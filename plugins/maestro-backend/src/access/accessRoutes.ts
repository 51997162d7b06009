import { HttpAuthService } from '@backstage/backend-plugin-api';
import { InputError, NotFoundError } from '@backstage/errors';
import Router from 'express-promise-router';
import {
  MaestroRecordAccess,
  maestroRecordDeletePermission,
  maestroRecordManageAccessPermission,
  maestroRecordUpdatePermission,
} from '@maestro/plugin-maestro-common';
import { RecordStore } from '../store/RecordStore';
import { WritePath } from '../writePath/WritePath';
import { actorOf } from '../service/actor';
import { AccessStore } from './AccessStore';
import { RecordAccess } from './RecordAccess';
import { readAccessInput } from './accessInput';

/** `/records/by-ref/access`: a record's owner and access entries. */
export function accessRoutes(deps: {
  store: RecordStore;
  writePath: WritePath;
  httpAuth: HttpAuthService;
  access: RecordAccess;
  accessStore: AccessStore;
}) {
  const { store, writePath, httpAuth, access, accessStore } = deps;
  const router = Router();

  const load = async (ref: unknown) => {
    if (typeof ref !== 'string' || !ref)
      throw new InputError(`Query parameter 'ref' is required`);
    const record = await store.findByRef(ref.toLowerCase());
    if (!record || record.deleted)
      throw new NotFoundError(`${ref} does not exist`);
    return record;
  };

  const describe = async (
    credentials: Awaited<ReturnType<HttpAuthService['credentials']>>,
    entityRef: string,
  ): Promise<MaestroRecordAccess> => {
    const record = await load(entityRef);
    const [update, remove, manageAccess] = await Promise.all(
      [
        maestroRecordUpdatePermission,
        maestroRecordDeletePermission,
        maestroRecordManageAccessPermission,
      ].map(p => access.allows(credentials, record.id, p)),
    );
    return {
      entityRef: record.entityRef,
      owner: (record.entity.spec as any)?.owner,
      entries: await accessStore.entries(record.id),
      allowed: { update, delete: remove, manageAccess },
    };
  };

  router.get('/records/by-ref/access', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    const record = await load(req.query.ref);
    await access.require(credentials, record);
    res.json(await describe(credentials, record.entityRef));
  });

  router.put('/records/by-ref/access', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    const actor = await actorOf(httpAuth, req);
    const record = await load(req.query.ref);
    await access.require(
      credentials,
      record,
      maestroRecordManageAccessPermission,
    );
    const input = readAccessInput(req.body);
    const before = await accessStore.entries(record.id);
    if (JSON.stringify(before) !== JSON.stringify(input.entries)) {
      await writePath.changeAccess(
        record.entityRef,
        [{ path: 'access', before, after: input.entries }],
        actor,
        (tx, current) =>
          accessStore.replace(current.id, input.entries, actor, tx),
      );
    }
    const owner = (record.entity.spec as any)?.owner;
    if (input.owner && input.owner !== owner) {
      const current = await load(record.entityRef);
      await writePath.write(
        {
          ...current.entity,
          spec: { ...current.entity.spec, owner: input.owner },
        },
        {
          mode: 'update',
          kind: current.kind,
          source: { type: 'api' },
          actor,
        },
      );
    }
    res.json(await describe(credentials, record.entityRef));
  });

  return router;
}
