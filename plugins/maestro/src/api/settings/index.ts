export { settingsApiRef, SettingsInputError } from './SettingsApi';
export type { SettingsApi } from './SettingsApi';
export { SettingsClient } from './SettingsClient';
