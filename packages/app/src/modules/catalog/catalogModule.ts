import { createFrontendModule } from '@backstage/frontend-plugin-api';
import { catalogIndexPage } from './catalogIndexPage';

/** The catalog with Maestro's per-kind table columns. */
export const catalogModule = createFrontendModule({
  pluginId: 'catalog',
  extensions: [catalogIndexPage],
});
