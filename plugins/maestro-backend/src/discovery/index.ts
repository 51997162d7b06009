export { DiscoveryService, schedulerTaskId } from './DiscoveryService';
export type { ConnectionView } from './DiscoveryService';
export { CredentialCipher } from './CredentialCipher';
export { discoveryRoutes } from './routes';
