export { themesModule } from './themesModule';
