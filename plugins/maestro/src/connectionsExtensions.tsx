import {
  ApiBlueprint,
  PageBlueprint,
  coreApis,
} from '@backstage/frontend-plugin-api';
import CloudIcon from '@material-ui/icons/Cloud';
import { ConnectionsClient, connectionsApiRef } from './api/connections';
import { connectionsRouteRef } from './routes';

/** `api:maestro/connections`: the client of the backend's `/connections`. */
export const connectionsApi = ApiBlueprint.make({
  name: 'connections',
  params: defineParams =>
    defineParams({
      api: connectionsApiRef,
      deps: { discoveryApi: coreApis.discovery, fetchApi: coreApis.fetch },
      factory: deps => new ConnectionsClient(deps),
    }),
});

/** `page:maestro/connections`: discovery connections and their tasks. */
export const connectionsPage = PageBlueprint.make({
  name: 'connections',
  params: {
    routeRef: connectionsRouteRef,
    path: '/maestro/connections',
    title: 'Connections',
    // The page draws its own header.
    noHeader: true,
    icon: <CloudIcon fontSize="inherit" />,
    loader: () =>
      import('./components/Connections').then(m => <m.ConnectionsPage />),
  },
});
