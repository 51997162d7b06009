import {
  ApiBlueprint,
  PageBlueprint,
  coreApis,
} from '@backstage/frontend-plugin-api';
import AnalyticsIcon from '@material-ui/icons/AccountTree';
import { AnalyticsClient, analyticsApiRef } from '../../api/analytics';
import { analyticsRouteRef } from '../../routes';

/** `api:maestro/analytics`: the client of the backend's `/analytics`. */
export const analyticsApi = ApiBlueprint.make({
  name: 'analytics',
  params: defineParams =>
    defineParams({
      api: analyticsApiRef,
      deps: { discoveryApi: coreApis.discovery, fetchApi: coreApis.fetch },
      factory: deps => new AnalyticsClient(deps),
    }),
});

/** `page:maestro/analytics`: business graphs and the dependency maker. */
export const analyticsPage = PageBlueprint.make({
  name: 'analytics',
  params: {
    routeRef: analyticsRouteRef,
    path: '/maestro/analytics',
    title: 'Analytics',
    icon: <AnalyticsIcon fontSize="inherit" />,
    noHeader: true,
    loader: () => import('./index').then(m => <m.AnalyticsPage />),
  },
});
