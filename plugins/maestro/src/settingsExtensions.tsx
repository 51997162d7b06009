import {
  ApiBlueprint,
  PageBlueprint,
  coreApis,
} from '@backstage/frontend-plugin-api';
import SettingsIcon from '@material-ui/icons/Tune';
import { SettingsClient, settingsApiRef } from './api/settings';
import { settingsRouteRef } from './routes';

/** `api:maestro/settings`: the client of the backend's `/settings`. */
export const settingsApi = ApiBlueprint.make({
  name: 'settings',
  params: defineParams =>
    defineParams({
      api: settingsApiRef,
      deps: { discoveryApi: coreApis.discovery, fetchApi: coreApis.fetch },
      factory: deps => new SettingsClient(deps),
    }),
});

/** `page:maestro/settings`: Inventory settings, in the sidebar. */
export const settingsPage = PageBlueprint.make({
  name: 'settings',
  params: {
    routeRef: settingsRouteRef,
    path: '/maestro/settings',
    title: 'Inventory settings',
    // The page draws its own header.
    noHeader: true,
    icon: <SettingsIcon fontSize="inherit" />,
    loader: () => import('./components/Settings').then(m => <m.SettingsPage />),
  },
});
