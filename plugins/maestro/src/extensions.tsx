import { ApiBlueprint, coreApis } from '@backstage/frontend-plugin-api';
import { EntityCardBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { MaestroClient, maestroApiRef } from './api';
import { maestroEntityFilter } from './lib/maestroEntityFilter';

/** `api:maestro`: the client of the maestro backend plugin. */
export const maestroApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: maestroApiRef,
      deps: { discoveryApi: coreApis.discovery, fetchApi: coreApis.fetch },
      factory: ({ discoveryApi, fetchApi }) =>
        new MaestroClient({ discoveryApi, fetchApi }),
    }),
});

/**
 * `entity-card:maestro/details`: the Maestro fields of the entity, per kind.
 * A content card (main column) because servers carry tables.
 */
export const maestroDetailsCard = EntityCardBlueprint.make({
  name: 'details',
  params: {
    filter: maestroEntityFilter,
    type: 'content',
    loader: () =>
      import('./components/MaestroDetailsCard').then(m => (
        <m.MaestroDetailsCard />
      )),
  },
});

/** `entity-card:maestro/history`: the revisions of the entity's record. */
export const maestroHistoryCard = EntityCardBlueprint.make({
  name: 'history',
  params: {
    filter: maestroEntityFilter,
    type: 'content',
    loader: () =>
      import('./components/HistoryCard').then(m => <m.HistoryCard />),
  },
});
