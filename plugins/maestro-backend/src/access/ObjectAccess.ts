import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError, NotFoundError } from '@backstage/errors';
import {
  AuthorizeResult,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import {
  MAESTRO_OBJECT_PERMISSIONS,
  MaestroObjectAccess,
  MaestroObjectKind,
} from '@maestro/plugin-maestro-common';
import { AccessibleObject } from '@maestro/plugin-maestro-node';
import { ObjectAccessStore } from './ObjectAccessStore';
import { actsAsService } from './RecordAccess';
import { readAccessInput } from './accessInput';

/** What a caller does with a report, graph or connection. */
export type ObjectAction = 'read' | 'update' | 'delete' | 'manageAccess';

/** Applies a permission decision to one object (the rules' `apply`). */
export type ObjectAuthorizer = (
  decision: PolicyDecision,
  object: AccessibleObject | undefined,
) => boolean;

const VERBS: Record<ObjectAction, string> = {
  read: 'read',
  update: 'change',
  delete: 'delete',
  manageAccess: 'change the access of',
};

/**
 * Access to reports, graphs and connections. There are tens to hundreds
 * of them, so a permission is decided once per request (the policy's
 * conditional decision) and applied to each object in memory with the
 * rules the plugin registered; records, which run to the hundreds of
 * thousands, go to SQL instead (RecordAccess).
 */
export class ObjectAccess {
  constructor(
    private readonly store: ObjectAccessStore,
    private readonly permissions: PermissionsService,
    private readonly authorizers: Record<MaestroObjectKind, ObjectAuthorizer>,
  ) {}

  /** One test per action, each decided by the policy in a single request. */
  private async judge(
    credentials: BackstageCredentials,
    kind: MaestroObjectKind,
    actions: ObjectAction[],
  ): Promise<Array<(object: AccessibleObject) => boolean>> {
    if (actsAsService(credentials)) return actions.map(() => () => true);
    const decisions = await this.permissions.authorizeConditional(
      actions.map(action => ({
        permission: MAESTRO_OBJECT_PERMISSIONS[kind][action],
      })),
      { credentials },
    );
    const authorize = this.authorizers[kind];
    return decisions.map(decision => object => authorize(decision, object));
  }

  /** Of these objects (of a list), the ones the caller may read, in order. */
  async readable<T extends { id: string }>(
    credentials: BackstageCredentials,
    kind: MaestroObjectKind,
    items: T[],
  ): Promise<T[]> {
    if (actsAsService(credentials) || !items.length) return items;
    const [mayRead] = await this.judge(credentials, kind, ['read']);
    const readable = new Set(
      (
        await this.store.objects(
          kind,
          items.map(i => i.id),
        )
      )
        .filter(mayRead)
        .map(o => o.id),
    );
    return items.filter(item => readable.has(item.id));
  }

  /**
   * Throws unless the caller may do `action` on the object. One it may not
   * read does not exist for it (404), so its existence does not leak; one
   * it reads but may not change is a 403.
   */
  async require(
    credentials: BackstageCredentials,
    kind: MaestroObjectKind,
    id: string,
    action: ObjectAction = 'read',
  ): Promise<void> {
    const object = await this.store.object(kind, id);
    const actions: ObjectAction[] =
      action === 'read' ? ['read'] : ['read', action];
    const [mayRead, mayAct] = await this.judge(credentials, kind, actions);
    if (!object || !mayRead(object))
      throw new NotFoundError(`No ${kind} '${id}'`);
    if (mayAct && !mayAct(object))
      throw new NotAllowedError(`You may not ${VERBS[action]} ${kind} ${id}`);
  }

  /** Throws a 403 when the portal's policy keeps the caller from creating one. */
  async requireCreate(
    credentials: BackstageCredentials,
    kind: MaestroObjectKind,
  ): Promise<void> {
    if (actsAsService(credentials)) return;
    const [decision] = await this.permissions.authorize(
      [{ permission: MAESTRO_OBJECT_PERMISSIONS[kind].create }],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW)
      throw new NotAllowedError(`You may not create a ${kind}`);
  }

  /** Owner, entries and what the caller may do; 404 when it may not read. */
  async describe(
    credentials: BackstageCredentials,
    kind: MaestroObjectKind,
    id: string,
  ): Promise<MaestroObjectAccess> {
    const view = await this.view(credentials, kind, id);
    if (!view) throw new NotFoundError(`No ${kind} '${id}'`);
    return view;
  }

  private async view(
    credentials: BackstageCredentials,
    kind: MaestroObjectKind,
    id: string,
    /** Shown after a change even when the caller gave its read away. */
    mustRead = true,
  ): Promise<MaestroObjectAccess | undefined> {
    const object = await this.store.object(kind, id);
    const [mayRead, mayUpdate, mayDelete, mayManage] = await this.judge(
      credentials,
      kind,
      ['read', 'update', 'delete', 'manageAccess'],
    );
    if (!object || (mustRead && !mayRead(object))) return undefined;
    return {
      kind,
      id,
      owner: object.owner,
      entries: object.entries,
      allowed: {
        update: mayUpdate(object),
        delete: mayDelete(object),
        manageAccess: mayManage(object),
      },
    };
  }

  /**
   * Replaces the entries (and, when given, the owner). Needs admin; a bad
   * body is a 400 naming each field, and then nothing is written.
   */
  async change(
    credentials: BackstageCredentials,
    kind: MaestroObjectKind,
    id: string,
    body: unknown,
    actor: string,
  ): Promise<MaestroObjectAccess> {
    await this.require(credentials, kind, id, 'manageAccess');
    const input = readAccessInput(body);
    await this.store.change(kind, id, input, actor);
    const view = await this.view(credentials, kind, id, false);
    if (!view) throw new NotFoundError(`No ${kind} '${id}'`);
    return view;
  }
}
