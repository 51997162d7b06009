export { connectionsApiRef, ConnectionInputError } from './ConnectionsApi';
export type {
  ConnectionsApi,
  Connection,
  ConnectionInput,
  ConnectionTask,
  ConnectionType,
} from './ConnectionsApi';
export { ConnectionsClient } from './ConnectionsClient';
