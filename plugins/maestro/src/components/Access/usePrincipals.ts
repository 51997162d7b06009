import { useApi } from '@backstage/frontend-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { stringifyEntityRef } from '@backstage/catalog-model';
import useAsync from 'react-use/esm/useAsync';

/**
 * The refs of the catalog's users and groups, the principals an owner or an
 * access entry may name; searched by name in the pickers that offer them.
 */
export function usePrincipals(): string[] {
  const catalog = useApi(catalogApiRef);
  const { value } = useAsync(async () => {
    const { items } = await catalog.getEntities({
      filter: { kind: ['User', 'Group'] },
      fields: ['kind', 'metadata.name', 'metadata.namespace'],
    });
    return items.map(e => stringifyEntityRef(e).toLowerCase()).sort();
  }, [catalog]);
  return value ?? [];
}
