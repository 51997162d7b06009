import { createFrontendPlugin } from '@backstage/frontend-plugin-api';
import StorageIcon from '@material-ui/icons/Storage';
import {
  maestroApi,
  maestroDetailsCard,
  maestroHistoryCard,
} from './extensions';
import { settingsApi, settingsPage } from './settingsExtensions';
import { fileImportApi, fileImportPage } from './fileImportExtensions';

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
    maestroApi,
    maestroDetailsCard,
    maestroHistoryCard,
    settingsApi,
    settingsPage,
    fileImportApi,
    fileImportPage,
  ],
});
