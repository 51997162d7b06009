import {
  ApiBlueprint,
  PageBlueprint,
  coreApis,
} from '@backstage/frontend-plugin-api';
import ReportsIcon from '@material-ui/icons/Assessment';
import { ReportsClient, reportsApiRef } from '../../api/reports';
import { reportsRouteRef } from '../../routes';

/** `api:maestro/reports`: the client of the backend's `/reports`. */
export const reportsApi = ApiBlueprint.make({
  name: 'reports',
  params: defineParams =>
    defineParams({
      api: reportsApiRef,
      deps: { discoveryApi: coreApis.discovery, fetchApi: coreApis.fetch },
      factory: deps => new ReportsClient(deps),
    }),
});

/** `page:maestro/reports`: saved reports, new report, a report's tabs. */
export const reportsPage = PageBlueprint.make({
  name: 'reports',
  params: {
    routeRef: reportsRouteRef,
    path: '/maestro/reports',
    title: 'Reports',
    icon: <ReportsIcon fontSize="inherit" />,
    noHeader: true,
    loader: () => import('./index').then(m => <m.ReportsPage />),
  },
});
