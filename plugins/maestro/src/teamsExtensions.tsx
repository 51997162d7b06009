import { PageBlueprint } from '@backstage/frontend-plugin-api';
import GroupIcon from '@material-ui/icons/Group';
import { teamsRouteRef } from './routes';

/** `page:maestro/teams`: teams with their members; new teams for sites without a directory. */
export const teamsPage = PageBlueprint.make({
  name: 'teams',
  params: {
    routeRef: teamsRouteRef,
    path: '/maestro/teams',
    title: 'Teams',
    // The page draws its own header.
    noHeader: true,
    icon: <GroupIcon fontSize="inherit" />,
    loader: () => import('./components/Teams').then(m => <m.TeamsPage />),
  },
});
