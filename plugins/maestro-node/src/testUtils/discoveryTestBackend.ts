import { BackendFeature } from '@backstage/backend-plugin-api';
import {
  TestDatabases,
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { AddressInfo } from 'net';

/** The database a test gets from `TestDatabases.init`. */
type TestKnex = Awaited<ReturnType<TestDatabases['init']>>;

/** The user every call of {@link DiscoveryTestBackend.api} is signed in as. */
export const DISCOVERY_TEST_USER = 'user:default/ada';

/** A running backend with the Maestro plugin and discovery modules. */
export interface DiscoveryTestBackend {
  /** Where the backend listens, e.g. `http://localhost:43210`. */
  baseUrl: string;
  /**
   * A REST call to the Maestro plugin as the portal makes it, signed in as
   * {@link DISCOVERY_TEST_USER}: fails the test on another status than
   * `status`, else resolves to the parsed JSON answer (undefined if empty).
   */
  api(
    method: string,
    path: string,
    status: number,
    body?: unknown,
  ): Promise<any>;
  /**
   * "Sync now" of a connection's task, then the task's row as the tasks
   * route lists it: its outcome, counts and message. The test backend's
   * scheduler runs a triggered task before the sync route answers, so the
   * row is that of the finished run.
   */
  sync(connectionId: string, task: string): Promise<any>;
  /**
   * How many record revisions the write path has stored: a run that finds
   * nothing changed at the provider leaves it as it was.
   */
  revisions(): Promise<number>;
  /** Stops the backend; `startTestBackend` also stops it after the tests. */
  stop(): Promise<void>;
}

/**
 * The whole discovery chain in a test: the Maestro plugin with the modules
 * under test, its REST API, the scheduler and the write path on a real
 * database. The plugin comes in `features` with the modules, since this
 * package is one of its dependencies and cannot import it.
 */
export async function startDiscoveryTestBackend(options: {
  knex: TestKnex;
  /** The Maestro backend plugin and the discovery modules under test. */
  features: BackendFeature[];
  /**
   * More root config. `maestro.discovery.encryptionKey`, which connections
   * need to store their secrets, is set unless given here.
   */
  config?: Record<string, any>;
}): Promise<DiscoveryTestBackend> {
  const { knex, config = {} } = options;
  const backend = await startTestBackend({
    features: [
      ...options.features,
      mockServices.database.factory({ knex }),
      mockServices.rootConfig.factory({
        data: {
          ...config,
          maestro: {
            ...config.maestro,
            discovery: {
              encryptionKey: 'end-to-end-test-key',
              ...config.maestro?.discovery,
            },
          },
        },
      }),
    ],
  });
  const baseUrl = `http://localhost:${
    (backend.server.address() as AddressInfo).port
  }`;
  const authorization = mockCredentials.user.header(DISCOVERY_TEST_USER);

  const api: DiscoveryTestBackend['api'] = async (
    method,
    path,
    status,
    body,
  ) => {
    const res = await fetch(`${baseUrl}/api/maestro${path}`, {
      method,
      headers: { authorization, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    // The path in both sides says which call of a test answered otherwise.
    expect(`${res.status} ${path}`).toBe(`${status} ${path}`);
    return text ? JSON.parse(text) : undefined;
  };

  return {
    baseUrl,
    api,
    async sync(connectionId, task) {
      await api('POST', `/connections/${connectionId}/tasks/${task}/sync`, 202);
      const tasks = await api('GET', `/connections/${connectionId}/tasks`, 200);
      return tasks.items.find((t: { task: string }) => t.task === task);
    },
    async revisions() {
      return Number((await knex('maestro_revisions').count({ n: '*' }))[0].n);
    },
    stop: () => backend.stop(),
  };
}
