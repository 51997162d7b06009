export { SettingsStore } from './SettingsStore';
export { settingsRoutes } from './routes';
