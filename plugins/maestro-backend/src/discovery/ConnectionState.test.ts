import { mockServices } from '@backstage/backend-test-utils';
import {
  DiscoverySource,
  DiscoveryTaskContext,
} from '@maestro/plugin-maestro-node';
import {
  createTestDatabases,
  createTestStore,
} from '../__testUtils__/testStore';
import { discoveredServer } from '../__testUtils__/testDiscoverySource';
import { CredentialCipher } from './CredentialCipher';
import { DiscoveryService } from './DiscoveryService';

const databases = createTestDatabases();
jest.setTimeout(60_000);

/**
 * A source that pins the first value it sees of the server's `key` setting,
 * as an SSH source pins a host key, and reports what it remembered.
 */
function pinningSource(): DiscoverySource & {
  seen: Array<string | undefined>;
} {
  const seen: Array<string | undefined> = [];
  return {
    type: 'pinning',
    title: 'Pinning',
    seen,
    fields: [
      { name: 'host', title: 'Host', required: true, resetsState: true },
      { name: 'key', title: 'Key', required: true },
      { name: 'password', title: 'Password', secret: true },
    ],
    tasks: [
      {
        name: 'files-sync',
        description: 'Files',
        defaultInterval: { every: 1, period: 'days' },
        permissions: [],
        async run(context: DiscoveryTaskContext) {
          const pinned = await context.state!.get('pin');
          seen.push(pinned);
          if (!pinned)
            await context.state!.set('pin', context.connection.settings.key);
          const emitted =
            context.connection.settings.key === 'none'
              ? []
              : [discoveredServer('i-1')];
          await context.emit('files', emitted);
          await context.complete('files');
          return { message: '2 skipped' };
        },
      },
    ],
  };
}

describe.each(databases.eachSupportedId())('Connection state on %p', id => {
  let ctx: Awaited<ReturnType<typeof createTestStore>>;
  const logger = mockServices.logger.mock();
  const cipher = new CredentialCipher('test-encryption-key-1234');

  const service = (source: DiscoverySource) => {
    const discovery = new DiscoveryService({
      db: ctx.knex,
      writePath: ctx.writePath,
      cipher,
      logger,
    });
    discovery.addSource(source);
    return discovery;
  };
  const body = (settings: Record<string, string>) => ({
    title: 'Files host',
    type: 'pinning',
    datacenter: 'datacenter:default/site-a',
    settings,
  });
  const stateRows = async () =>
    ctx.knex('maestro_discovery_connection_state').select();

  beforeEach(async () => {
    ctx = await createTestStore(databases, id);
  });

  it('keeps a value across runs and restarts, and shows what the task summed up', async () => {
    const source = pinningSource();
    const discovery = service(source);
    const { id: connectionId } = await discovery.create(
      body({ host: 'a.example', key: 'k1' }),
      'user:default/ada',
    );
    await discovery.syncNow(connectionId, 'files-sync');
    expect((await discovery.tasks(connectionId))[0]).toMatchObject({
      outcome: 'success',
      seen: 1,
      message: '2 skipped',
    });

    // A new engine on the same database: a backend restart.
    const restarted = service(source);
    await restarted.update(
      connectionId,
      body({ host: 'a.example', key: 'k2', password: 'p' }),
      'user:default/ada',
    );
    await restarted.syncNow(connectionId, 'files-sync');
    expect(source.seen).toEqual([undefined, 'k1']);
    expect(await stateRows()).toEqual([
      expect.objectContaining({
        connection_id: connectionId,
        key: 'pin',
        value: 'k1',
      }),
    ]);
  });

  it('forgets the state when a field marked resetsState changes, and with the connection', async () => {
    const source = pinningSource();
    const discovery = service(source);
    const { id: connectionId } = await discovery.create(
      body({ host: 'a.example', key: 'k1' }),
      'user:default/ada',
    );
    const other = await discovery.create(
      body({ host: 'b.example', key: 'k9' }),
      'user:default/ada',
    );
    await discovery.syncNow(connectionId, 'files-sync');
    await discovery.syncNow(other.id, 'files-sync');

    await discovery.update(
      connectionId,
      body({ host: 'c.example', key: 'k3' }),
      'user:default/ada',
    );
    await discovery.syncNow(connectionId, 'files-sync');
    expect(source.seen).toEqual([undefined, undefined, undefined]);
    expect(await discovery.tasks(connectionId)).toMatchObject([
      { outcome: 'success' },
    ]);
    expect(
      (await stateRows()).map(r => [r.connection_id, r.value]).sort(),
    ).toEqual(
      [
        [connectionId, 'k3'],
        [other.id, 'k9'],
      ].sort(),
    );

    await discovery.delete(connectionId);
    expect((await stateRows()).map(r => r.connection_id)).toEqual([other.id]);
  });

  it('adds the summary to the empty-result warning', async () => {
    const discovery = service(pinningSource());
    const { id: connectionId } = await discovery.create(
      body({ host: 'a.example', key: 'none' }),
      'user:default/ada',
    );
    await discovery.syncNow(connectionId, 'files-sync');
    expect((await discovery.tasks(connectionId))[0]).toMatchObject({
      outcome: 'warning',
      message: 'empty result; 2 skipped',
    });
  });
});
