import { createApp } from '@backstage/frontend-defaults';
import catalogPlugin from '@backstage/plugin-catalog/alpha';
import catalogGraphPlugin from '@backstage/plugin-catalog-graph/alpha';
import maestroPlugin from '@maestro/plugin-maestro/alpha';
import { navModule } from './modules/nav';
import { homeModule } from './modules/home';
import { catalogModule } from './modules/catalog';
import { catalogGraphModule } from './modules/catalogGraph';
import { signInModule } from './modules/signIn';
import { themesModule } from './modules/themes';

export default createApp({
  features: [
    catalogPlugin,
    catalogModule,
    catalogGraphPlugin,
    catalogGraphModule,
    maestroPlugin,
    navModule,
    homeModule,
    signInModule,
    themesModule,
  ],
});
