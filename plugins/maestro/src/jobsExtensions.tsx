import {
  ApiBlueprint,
  PageBlueprint,
  coreApis,
} from '@backstage/frontend-plugin-api';
import ScheduleIcon from '@material-ui/icons/Schedule';
import { JobsClient, jobsApiRef } from './api/jobs';
import { schedulerRouteRef } from './routes';

/** `api:maestro/jobs`: the client of the backend's `/jobs`. */
export const jobsApi = ApiBlueprint.make({
  name: 'jobs',
  params: defineParams =>
    defineParams({
      api: jobsApiRef,
      deps: { discoveryApi: coreApis.discovery, fetchApi: coreApis.fetch },
      factory: deps => new JobsClient(deps),
    }),
});

/** `page:maestro/scheduler`: the Scheduler page. */
export const schedulerPage = PageBlueprint.make({
  name: 'scheduler',
  params: {
    routeRef: schedulerRouteRef,
    path: '/maestro/scheduler',
    title: 'Scheduler',
    // The page draws its own header.
    noHeader: true,
    icon: <ScheduleIcon fontSize="inherit" />,
    loader: () =>
      import('./components/Scheduler').then(m => <m.SchedulerPage />),
  },
});
