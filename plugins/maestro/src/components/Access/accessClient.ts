import {
  FieldError,
  MaestroAccess,
  MaestroAccessEntry,
  MaestroObjectKind,
} from '@maestro/plugin-maestro-common';
import { MaestroFetchDeps, requestJson } from '../../api/requestJson';

/** The server refused the access list for these fields. */
export class AccessFieldErrors extends Error {
  constructor(message: string, readonly fieldErrors: FieldError[]) {
    super(message);
  }
}

/** What an access dialog is about: a record, or a report, graph or connection. */
export type AccessTarget =
  | { kind: 'record'; entityRef: string }
  | { kind: MaestroObjectKind; id: string };

/** Where each kind of object is served; its access is at `<base>/<id>/access`. */
const OBJECT_BASES: Record<MaestroObjectKind, string> = {
  report: '/reports',
  graph: '/analytics/graphs',
  connection: '/connections',
};

/** The path of a target's access in the maestro backend's API. */
export function accessPath(target: AccessTarget): string {
  if (target.kind === 'record')
    return `/records/by-ref/access?ref=${encodeURIComponent(target.entityRef)}`;
  return `${OBJECT_BASES[target.kind]}/${encodeURIComponent(target.id)}/access`;
}

export function getAccess(deps: MaestroFetchDeps, target: AccessTarget) {
  return requestJson<MaestroAccess>(deps, 'GET', accessPath(target));
}

export function setAccess(
  deps: MaestroFetchDeps,
  target: AccessTarget,
  body: { owner?: string; entries: MaestroAccessEntry[] },
) {
  return requestJson<MaestroAccess>(
    deps,
    'PUT',
    accessPath(target),
    body,
    (message, errors) => new AccessFieldErrors(message, errors),
  );
}
