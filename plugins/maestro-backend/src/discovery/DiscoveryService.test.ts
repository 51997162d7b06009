import { mockServices } from '@backstage/backend-test-utils';
import {
  createTestDatabases,
  createTestStore,
} from '../__testUtils__/testStore';
import {
  TestDiscoverySource,
  discoveredServer,
  permissionError,
} from '../__testUtils__/testDiscoverySource';
import { CredentialCipher } from './CredentialCipher';
import { DiscoveryService } from './DiscoveryService';

const databases = createTestDatabases();
jest.setTimeout(60_000);

describe.each(databases.eachSupportedId())('Discovery engine on %p', id => {
  let ctx: Awaited<ReturnType<typeof createTestStore>>;
  let source: TestDiscoverySource;
  let discovery: DiscoveryService;
  const logger = mockServices.logger.mock();

  beforeEach(async () => {
    ctx = await createTestStore(databases, id);
    source = new TestDiscoverySource();
    discovery = new DiscoveryService({
      db: ctx.knex,
      writePath: ctx.writePath,
      cipher: new CredentialCipher('test-encryption-key-1234'),
      logger,
    });
    discovery.addSource(source);
  });

  const createConnection = () =>
    discovery.create(
      {
        title: 'Test account',
        type: 'test',
        datacenter: 'datacenter:default/test-cloud',
        owner: 'group:default/sre',
        settings: { account: '42', token: 'very-secret-token' },
      },
      'user:default/ada',
    );

  const record = (name: string) =>
    ctx.store.findByRef(`server:default/${name}`);
  const revisionCount = async () =>
    Number((await ctx.knex('maestro_revisions').count({ n: '*' }))[0].n);
  const taskState = async (connectionId: string) =>
    (await discovery.tasks(connectionId)).find(t => t.task === 'server-list')!;

  it('stores credentials encrypted, never returns them, and checks input', async () => {
    const connection = await createConnection();
    expect(JSON.stringify(connection)).not.toContain('very-secret-token');
    expect(connection.secretsSet).toEqual(['token']);
    expect(connection.settings).toEqual({ account: '42' });
    const row = await ctx.knex('maestro_discovery_connections').first();
    expect(row.credentials).not.toContain('very-secret-token');
    expect(JSON.stringify(await discovery.list())).not.toContain(
      'very-secret-token',
    );

    await expect(
      discovery.create(
        {
          type: 'test',
          datacenter: 'server:default/x',
          settings: { nope: '1' },
        },
        'user:default/ada',
      ),
    ).rejects.toMatchObject({
      fieldErrors: expect.arrayContaining([
        expect.objectContaining({ field: 'title' }),
        expect.objectContaining({ field: 'datacenter' }),
        expect.objectContaining({ field: 'settings.nope' }),
        expect.objectContaining({ field: 'settings.account' }),
        expect.objectContaining({ field: 'settings.token' }),
      ]),
    });
    expect(await discovery.list()).toHaveLength(1);

    // An update without the secret keeps the stored one.
    await discovery.update(
      connection.id,
      {
        title: 'Renamed',
        datacenter: connection.datacenter,
        settings: { account: '43' },
      },
      'user:default/bob',
    );
    source.regions.set('r1', [discoveredServer('i-1')]);
    await discovery.syncNow(connection.id, 'server-list');
    expect(source.received).toEqual([{ token: 'very-secret-token' }]);
  });

  it('writes what a complete scan finds, with the connection owner and datacenter', async () => {
    const { id: connectionId } = await createConnection();
    source.regions.set('r1', [
      discoveredServer('i-1'),
      discoveredServer('i-2'),
      discoveredServer('i-3'),
    ]);
    source.regions.set('r2', [discoveredServer('i-4')]);
    await discovery.syncNow(connectionId, 'server-list');

    const server = await record('i-1');
    expect(server?.entity.spec).toMatchObject({
      owner: 'group:default/sre',
      datacenter: { ref: 'datacenter:default/test-cloud' },
    });
    expect(server?.fieldSources['spec.hostname']).toBe(
      `discovery:${connectionId}`,
    );
    expect(await taskState(connectionId)).toMatchObject({
      outcome: 'success',
      seen: 4,
      created: 4,
      updated: 0,
      deactivated: 0,
      running: false,
    });
    expect((await taskState(connectionId)).lastRunAt).toBeDefined();
    expect((await taskState(connectionId)).nextRunAt).toBeDefined();
  });

  it('marks records a complete scan no longer sees inactive, with a revision, never deleting', async () => {
    const { id: connectionId } = await createConnection();
    source.regions.set('r1', [
      discoveredServer('i-1'),
      discoveredServer('i-2'),
    ]);
    source.regions.set('r2', [discoveredServer('i-3')]);
    await discovery.syncNow(connectionId, 'server-list');

    source.regions.set('r1', [discoveredServer('i-1')]);
    await discovery.syncNow(connectionId, 'server-list');

    const gone = await record('i-2');
    expect(gone?.active).toBe(false);
    expect(gone?.deleted).toBe(false);
    const history = await ctx.store.history('server:default/i-2');
    expect(history[0].action).toBe('deactivate');
    expect((await record('i-1'))?.active).toBe(true);
    expect((await record('i-3'))?.active).toBe(true);
    expect(await taskState(connectionId)).toMatchObject({
      deactivated: 1,
      created: 0,
    });

    // Seen again: active again.
    source.regions.set('r1', [
      discoveredServer('i-1'),
      discoveredServer('i-2'),
    ]);
    await discovery.syncNow(connectionId, 'server-list');
    expect((await record('i-2'))?.active).toBe(true);
  });

  it('changes nothing in a scope whose scan failed, and shows the provider message and permission', async () => {
    const { id: connectionId } = await createConnection();
    source.regions.set('r1', [
      discoveredServer('i-1'),
      discoveredServer('i-2'),
    ]);
    source.regions.set(
      'r2',
      [1, 2, 3, 4, 5].map(n => discoveredServer(`i-2${n}`)),
    );
    await discovery.syncNow(connectionId, 'server-list');

    // r1 completes without i-2; r2 fails after its first page.
    source.regions.set('r1', [discoveredServer('i-1')]);
    source.regions.set(
      'r2',
      [1, 2, 3].map(n => discoveredServer(`i-2${n}`)),
    );
    source.failIn = { region: 'r2', error: permissionError() };
    await discovery.syncNow(connectionId, 'server-list');

    expect((await record('i-2'))?.active).toBe(false);
    for (const n of [4, 5]) {
      expect((await record(`i-2${n}`))?.active).toBe(true);
    }
    expect(await taskState(connectionId)).toMatchObject({
      outcome: 'danger',
      message: expect.stringContaining('not authorized'),
      permission: 'test:ListServers',
    });
  });

  it('changes nothing when a run is cut short', async () => {
    const { id: connectionId } = await createConnection();
    source.regions.set(
      'r1',
      [1, 2, 3, 4, 5].map(n => discoveredServer(`i-${n}`)),
    );
    await discovery.syncNow(connectionId, 'server-list');

    source.regions.set(
      'r1',
      [1, 2, 3].map(n => discoveredServer(`i-${n}`)),
    );
    const abort = new AbortController();
    source.onPage = (_region, page) => page === 1 && abort.abort();
    await discovery.runTask(connectionId, 'server-list', abort.signal);
    for (const n of [1, 2, 3, 4, 5]) {
      expect((await record(`i-${n}`))?.active).toBe(true);
    }
    expect(await taskState(connectionId)).toMatchObject({
      outcome: 'danger',
      message: 'The run was cut short',
    });
  });

  it('writes nothing and announces nothing when the source data did not change', async () => {
    const { id: connectionId } = await createConnection();
    source.regions.set(
      'r1',
      [1, 2, 3].map(n => discoveredServer(`i-${n}`)),
    );
    await discovery.syncNow(connectionId, 'server-list');
    const revisions = await revisionCount();
    const announced = ctx.publisher.batches.length;
    const before = await record('i-1');
    const members = await ctx
      .knex('maestro_discovery_scope_records')
      .count({ n: '*' });

    await discovery.syncNow(connectionId, 'server-list');
    expect(await revisionCount()).toBe(revisions);
    expect(ctx.publisher.batches.length).toBe(announced);
    expect((await record('i-1'))?.updatedAt).toBe(before?.updatedAt);
    expect(
      await ctx.knex('maestro_discovery_scope_records').count({ n: '*' }),
    ).toEqual(members);
    expect(await taskState(connectionId)).toMatchObject({
      outcome: 'success',
      seen: 3,
      created: 0,
      updated: 0,
      deactivated: 0,
    });

    // One changed record: one revision, one record announced.
    source.regions.set('r1', [
      discoveredServer('i-1', { status: 'Stopped' }),
      discoveredServer('i-2'),
      discoveredServer('i-3'),
    ]);
    await discovery.syncNow(connectionId, 'server-list');
    expect(await revisionCount()).toBe(revisions + 1);
    expect(ctx.publisher.batches.slice(announced).flat()).toHaveLength(1);
    expect(await taskState(connectionId)).toMatchObject({ updated: 1 });
  });

  it('warns on an empty result and skips disabled tasks', async () => {
    const { id: connectionId } = await createConnection();
    await discovery.syncNow(connectionId, 'server-list');
    expect(await taskState(connectionId)).toMatchObject({
      outcome: 'warning',
      message: 'empty result',
    });
    await discovery.setTaskEnabled(connectionId, 'server-list', false);
    source.regions.set('r1', [discoveredServer('i-1')]);
    await expect(
      discovery.syncNow(connectionId, 'server-list'),
    ).rejects.toMatchObject({ name: 'ConflictError' });
    // The scheduler's runs skip it too.
    await discovery.runTask(
      connectionId,
      'server-list',
      new AbortController().signal,
    );
    expect(await record('i-1')).toBeUndefined();
  });

  it('lists tasks a source gained after the connection was made, once scheduled again', async () => {
    const { id: connectionId } = await createConnection();
    source.tasks.push({ ...source.tasks[0], name: 'volumes-list' });
    expect((await discovery.tasks(connectionId)).map(t => t.task)).toEqual([
      'server-list',
    ]);
    await discovery.scheduleAll();
    expect((await discovery.tasks(connectionId)).map(t => t.task)).toEqual([
      'server-list',
      'volumes-list',
    ]);
  });

  // Default VPCs all use 172.31.0.0/16: servers of two regions share
  // private IPs, and their different unique ids keep them apart.
  it('keeps apart servers with different unique ids that share a private IP', async () => {
    const { id: connectionId } = await createConnection();
    source.regions.set('r1', [
      discoveredServer('i-1', { ipv4Private: '172.31.0.10' }),
    ]);
    source.regions.set('r2', [
      discoveredServer('i-2', { ipv4Private: '172.31.0.10' }),
    ]);
    await discovery.syncNow(connectionId, 'server-list');
    expect(await record('i-1')).toBeDefined();
    expect(await record('i-2')).toBeDefined();
  });
});
