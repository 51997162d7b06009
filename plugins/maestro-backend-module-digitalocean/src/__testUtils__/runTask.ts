import { mockServices } from '@backstage/backend-test-utils';
import {
  DiscoveryConnection,
  DiscoveryProviderError,
  DiscoveryTask,
  DiscoveredEntity,
} from '@maestro/plugin-maestro-node';
import { FakeCloud } from '@maestro/fake-cloud';

/** What a task handed over, scope by scope and page by page, as the engine would see it. */
export async function runTask(
  task: DiscoveryTask,
  connection: DiscoveryConnection,
  opts: {
    signal?: AbortSignal;
    /** Called at each emit, before the task goes on. */
    onEmit?: (scope: string, entities: DiscoveredEntity[]) => void;
  } = {},
) {
  const emitted = new Map<string, DiscoveredEntity[]>();
  const batches: number[] = [];
  const completed: string[] = [];
  const progress: string[] = [];
  let error: unknown;
  try {
    await task.run({
      connection,
      signal: opts.signal ?? new AbortController().signal,
      logger: mockServices.logger.mock(),
      async emit(scope, entities) {
        opts.onEmit?.(scope, entities);
        batches.push(entities.length);
        emitted.set(scope, [...(emitted.get(scope) ?? []), ...entities]);
      },
      async complete(scope) {
        completed.push(scope);
      },
      progress(p) {
        if (p.message) progress.push(p.message);
      },
    });
  } catch (e) {
    error = e;
  }
  return {
    emitted,
    batches,
    completed,
    progress,
    error: error as DiscoveryProviderError | undefined,
  };
}

/** A connection to the fake cloud's DigitalOcean account, Spaces included. */
export function fakeConnection(fake: FakeCloud): DiscoveryConnection {
  return {
    id: 'c1',
    type: 'digitalocean',
    datacenter: 'datacenter:default/do',
    settings: {
      endpoint: `${fake.url}/digitalocean`,
      spacesAccessKeyId: fake.digitalocean.spacesKey.accessKeyId,
      spacesRegions: 'nyc3,ams3',
      spacesEndpoint: `${fake.url}/digitalocean/spaces/{region}`,
      maxAttempts: '3',
    },
    credentials: {
      token: fake.digitalocean.token,
      spacesSecretAccessKey: fake.digitalocean.spacesKey.secretAccessKey,
    },
  };
}
