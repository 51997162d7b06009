export { maestroApiRef } from './MaestroApi';
export type { MaestroApi } from './MaestroApi';
export { MaestroClient } from './MaestroClient';
