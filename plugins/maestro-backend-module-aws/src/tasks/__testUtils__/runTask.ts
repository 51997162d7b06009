import { mockServices } from '@backstage/backend-test-utils';
import { FakeCloud } from '@maestro/fake-cloud';
import {
  DiscoveryConnection,
  DiscoveryProviderError,
  DiscoveryTask,
  DiscoveredEntity,
} from '@maestro/plugin-maestro-node';

/** A connection to the fake cloud's account, with the default key. */
export function fakeConnection(
  fake: FakeCloud,
  settings: Record<string, string> = {},
): DiscoveryConnection {
  return {
    id: 'c1',
    type: 'aws',
    datacenter: 'datacenter:default/aws',
    settings: {
      accessKeyId: fake.aws.defaultKey.accessKeyId,
      endpoint: fake.url,
      maxAttempts: '4',
      ...settings,
    },
    credentials: { secretAccessKey: fake.aws.defaultKey.secretAccessKey },
  };
}

/** What a task handed over, scope by scope, as the engine would see it. */
export async function runTask(
  task: DiscoveryTask,
  connection: DiscoveryConnection,
) {
  const emitted = new Map<string, DiscoveredEntity[]>();
  const batches: Array<{ scope: string; size: number }> = [];
  const completed: string[] = [];
  let error: unknown;
  try {
    await task.run({
      connection,
      signal: new AbortController().signal,
      logger: mockServices.logger.mock(),
      async emit(scope, entities) {
        batches.push({ scope, size: entities.length });
        emitted.set(scope, [...(emitted.get(scope) ?? []), ...entities]);
      },
      async complete(scope) {
        completed.push(scope);
      },
      progress() {},
    });
  } catch (e) {
    error = e;
  }
  return {
    emitted,
    batches,
    completed,
    error: error as DiscoveryProviderError | undefined,
  };
}
