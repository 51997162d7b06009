import {
  ApiBlueprint,
  PageBlueprint,
  coreApis,
} from '@backstage/frontend-plugin-api';
import InventoryIcon from '@material-ui/icons/ViewList';
import { inventoryRouteRef } from './components/Inventory/routes';
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

/**
 * `page:maestro/inventory`: the Inventory, one tab per section. Its route
 * ref, title and icon make it the sidebar's "Inventory" item (pages with a
 * route ref are the nav items in this version of the frontend system).
 */
export const maestroInventoryPage = PageBlueprint.make({
  name: 'inventory',
  params: {
    path: '/maestro/inventory',
    routeRef: inventoryRouteRef,
    title: 'Inventory',
    icon: <InventoryIcon fontSize="inherit" />,
    noHeader: true,
    loader: () =>
      import('./components/Inventory').then(m => <m.InventoryPage />),
  },
});
