import { DiscoveryApi, FetchApi } from '@backstage/frontend-plugin-api';
import { requestJson } from '../requestJson';
import {
  Connection,
  ConnectionInput,
  ConnectionInputError,
  ConnectionTask,
  ConnectionType,
  ConnectionsApi,
} from './ConnectionsApi';

const enc = encodeURIComponent;

/** Default {@link ConnectionsApi}, on the backend's `/connections`. @public */
export class ConnectionsClient implements ConnectionsApi {
  constructor(
    private readonly deps: { discoveryApi: DiscoveryApi; fetchApi: FetchApi },
  ) {}

  async types() {
    return (
      await this.call<{ items: ConnectionType[] }>('GET', '/connection-types')
    ).items;
  }
  async list() {
    return (await this.call<{ items: Connection[] }>('GET', '/connections'))
      .items;
  }
  create(input: ConnectionInput) {
    return this.call<Connection>('POST', '/connections', input);
  }
  update(id: string, input: Partial<ConnectionInput>) {
    return this.call<Connection>('PUT', `/connections/${enc(id)}`, input);
  }
  async delete(id: string) {
    await this.call('DELETE', `/connections/${enc(id)}`);
  }
  async tasks(id: string) {
    return (
      await this.call<{ items: ConnectionTask[] }>(
        'GET',
        `/connections/${enc(id)}/tasks`,
      )
    ).items;
  }
  async setTaskEnabled(id: string, task: string, enabled: boolean) {
    await this.call('PUT', `/connections/${enc(id)}/tasks/${enc(task)}`, {
      enabled,
    });
  }
  async syncNow(id: string, task: string) {
    await this.call('POST', `/connections/${enc(id)}/tasks/${enc(task)}/sync`);
  }

  private call<T = void>(method: string, path: string, body?: unknown) {
    return requestJson<T>(
      this.deps,
      method,
      path,
      body,
      (message, errors) => new ConnectionInputError(message, errors),
    );
  }
}
