import {
  discoveryApiRef,
  fetchApiRef,
  useApi,
} from '@backstage/frontend-plugin-api';
import { MaestroAccessAllowed } from '@maestro/plugin-maestro-common';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { AccessTarget, getAccess } from './accessClient';

const NOTHING: MaestroAccessAllowed = {
  update: false,
  delete: false,
  manageAccess: false,
};
const EVERYTHING: MaestroAccessAllowed = {
  update: true,
  delete: true,
  manageAccess: true,
};

/**
 * What the signed-in user may do with a record, report, graph or
 * connection, so a page offers only what the server would allow. Nothing
 * while it loads; when it cannot be told (an older backend), everything,
 * and the server still refuses what is not allowed.
 */
export function useAllowed(target: AccessTarget): {
  allowed: MaestroAccessAllowed;
  /** Reads it again, e.g. after the access changed. */
  retry: () => void;
} {
  const discoveryApi = useApi(discoveryApiRef);
  const fetchApi = useApi(fetchApiRef);
  const key = 'id' in target ? target.id : target.entityRef;
  const access = useAsyncRetry(
    () => getAccess({ discoveryApi, fetchApi }, target),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [discoveryApi, fetchApi, target.kind, key],
  );
  let allowed = NOTHING;
  if (access.value) allowed = access.value.allowed;
  else if (access.error) allowed = EVERYTHING;
  return { allowed, retry: access.retry };
}
