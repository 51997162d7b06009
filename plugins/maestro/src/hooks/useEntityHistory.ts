import { useApi } from '@backstage/frontend-plugin-api';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { maestroApiRef } from '../api/MaestroApi';

/**
 * The revisions of an entity's Maestro record, newest first. The backend
 * already sends them newest first; sorting again keeps the card right
 * whatever the API implementation.
 */
export function useEntityHistory(entityRef: string) {
  const maestroApi = useApi(maestroApiRef);
  return useAsyncRetry(async () => {
    const revisions = await maestroApi.getHistoryByRef(entityRef);
    return [...revisions].sort((a, b) => b.revision - a.revision);
  }, [maestroApi, entityRef]);
}
