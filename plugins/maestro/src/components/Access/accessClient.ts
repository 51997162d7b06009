import {
  MaestroAccessEntry,
  MaestroRecordAccess,
  FieldError,
} from '@maestro/plugin-maestro-common';
import { MaestroFetchDeps, requestJson } from '../../api/requestJson';

/** The server refused the access list for these fields. */
export class AccessFieldErrors extends Error {
  constructor(message: string, readonly fieldErrors: FieldError[]) {
    super(message);
  }
}

const path = (entityRef: string) =>
  `/records/by-ref/access?ref=${encodeURIComponent(entityRef)}`;

export function getRecordAccess(deps: MaestroFetchDeps, entityRef: string) {
  return requestJson<MaestroRecordAccess>(deps, 'GET', path(entityRef));
}

export function setRecordAccess(
  deps: MaestroFetchDeps,
  entityRef: string,
  body: { owner?: string; entries: MaestroAccessEntry[] },
) {
  return requestJson<MaestroRecordAccess>(
    deps,
    'PUT',
    path(entityRef),
    body,
    (message, errors) => new AccessFieldErrors(message, errors),
  );
}
