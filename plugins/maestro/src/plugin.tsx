import { createFrontendPlugin } from '@backstage/frontend-plugin-api';
import StorageIcon from '@material-ui/icons/Storage';
import {
  maestroApi,
  maestroDetailsCard,
  maestroHistoryCard,
  maestroInventoryPage,
} from './extensions';
import { settingsApi, settingsPage } from './settingsExtensions';
import { fileImportApi, fileImportPage } from './fileImportExtensions';
import { jobsApi, schedulerPage } from './jobsExtensions';
import { teamsPage } from './teamsExtensions';
import { connectionsApi, connectionsPage } from './connectionsExtensions';
import { analyticsApi, analyticsPage } from './components/Analytics/extensions';
import { reportsApi, reportsPage } from './components/Reports/extensions';

/**
 * Maestro's frontend plugin (new frontend system): the API client and the
 * entity cards. Inventory pages, forms and reports attach here as they come.
 *
 * @public
 */
export const maestroPlugin = createFrontendPlugin({
  pluginId: 'maestro',
  title: 'Maestro',
  icon: <StorageIcon fontSize="inherit" />,
  info: { packageJson: () => import('../package.json') },
  extensions: [
    settingsApi,
    settingsPage,
    fileImportApi,
    fileImportPage,
    jobsApi,
    schedulerPage,
    teamsPage,
    connectionsApi,
    connectionsPage,
    maestroApi,
    maestroDetailsCard,
    maestroHistoryCard,
    maestroInventoryPage,
    analyticsApi,
    analyticsPage,
    reportsApi,
    reportsPage,
  ],
});
