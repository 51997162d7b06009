import { FakeCloud, startFakeCloud } from '@maestro/fake-cloud';
import { DiscoveryConnection } from '@maestro/plugin-maestro-node';
import { fakeConnection, runTask } from '../__testUtils__/runTask';
import { ACCOUNT_SCOPE } from './apiTask';
import {
  API_TASKS,
  CDNS_LIST,
  CONTAINER_ORCHESTRATION_LIST,
  IMAGES_LIST,
  LOADBALANCE_LIST,
  SERVER_LIST,
  SNAPSHOT_LIST,
  VOLUMES_LIST,
} from './apiTasks';

jest.setTimeout(60_000);

const DROPLETS_PER_REGION = 450;
/** 900 droplets at 200 a page. */
const DROPLET_PAGES = 5;

describe('DigitalOcean API tasks against the fake cloud', () => {
  let fake: FakeCloud;
  let connection: DiscoveryConnection;

  beforeAll(async () => {
    fake = await startFakeCloud({
      digitalocean: {
        regions: ['nyc3', 'ams3'],
        dropletsPerRegion: DROPLETS_PER_REGION,
      },
    });
  });
  afterAll(() => fake.close());
  beforeEach(() => {
    fake.digitalocean.resetSwitches();
    fake.digitalocean.requestCounts.clear();
    connection = fakeConnection(fake);
  });

  it('walks every page of the droplets, handing each over before fetching the next', async () => {
    const requestsAtEmit: number[] = [];
    const { emitted, batches, completed, progress, error } = await runTask(
      SERVER_LIST,
      connection,
      {
        onEmit: () =>
          requestsAtEmit.push(
            fake.digitalocean.requestCounts.get('/v2/droplets')!,
          ),
      },
    );
    expect(error).toBeUndefined();
    expect(completed).toEqual([ACCOUNT_SCOPE]);
    expect(batches).toEqual([200, 200, 200, 200, 100]);
    expect(requestsAtEmit).toEqual([1, 2, 3, 4, 5]);
    expect(progress[0]).toBe('droplets: page 1 of 5');
    const servers = emitted.get(ACCOUNT_SCOPE)!;
    expect(servers.map(s => s.metadata.name)).toEqual(
      fake.digitalocean.data.droplets.map(d => `droplet-${d.id}`),
    );
    const archived = fake.digitalocean.data.droplets
      .filter(d => d.status === 'archive')
      .map(d => `droplet-${d.id}`);
    expect(archived.length).toBeGreaterThan(0);
    expect(
      servers
        .filter(s => (s.spec as any).active === false)
        .map(s => s.metadata.name),
    ).toEqual(archived);
    expect(fake.digitalocean.requestCounts.get('/v2/droplets')).toBe(
      DROPLET_PAGES,
    );
  });

  it('relates volumes, load balancers, clusters and snapshots to the droplets', async () => {
    const data = fake.digitalocean.data;
    const volumes = (await runTask(VOLUMES_LIST, connection)).emitted.get(
      ACCOUNT_SCOPE,
    )!;
    expect(volumes).toHaveLength(data.volumes.length);
    const attached = data.volumes.find(v => v.droplet_ids.length)!;
    expect(
      volumes.find(v => v.metadata.name === attached.id)!.spec,
    ).toMatchObject({
      server: `server:default/droplet-${attached.droplet_ids[0]}`,
    });

    const lbs = (await runTask(LOADBALANCE_LIST, connection)).emitted.get(
      ACCOUNT_SCOPE,
    )!;
    expect(lbs.map(l => l.spec!.targets)).toEqual(
      data.loadBalancers.map(l =>
        l.droplet_ids.map(id => `server:default/droplet-${id}`),
      ),
    );

    const clusters = (
      await runTask(CONTAINER_ORCHESTRATION_LIST, connection)
    ).emitted.get(ACCOUNT_SCOPE)!;
    expect(clusters[0].spec!.servers).toEqual(
      data.clusters[0].node_pools[0].nodes.map(
        n => `server:default/droplet-${n.droplet_id}`,
      ),
    );

    const snapshots = (await runTask(SNAPSHOT_LIST, connection)).emitted.get(
      ACCOUNT_SCOPE,
    )!;
    expect(snapshots).toHaveLength(data.snapshots.length);
    const ofVolume = data.snapshots.find(s => s.resource_type === 'volume')!;
    expect(
      snapshots.find(s => s.metadata.name === ofVolume.id)!.spec!.volume,
    ).toBe(`volume:default/${ofVolume.resource_id}`);
  });

  it('lists only the images of the account', async () => {
    const { emitted } = await runTask(IMAGES_LIST, connection);
    const own = fake.digitalocean.data.images.filter(i => !i.public);
    expect(emitted.get(ACCOUNT_SCOPE)!.map(i => i.metadata.name)).toEqual(
      own.map(i => `image-${i.id}`),
    );
  });

  it('runs every API task of the source to completion', async () => {
    for (const task of API_TASKS) {
      const { emitted, completed, error } = await runTask(task, connection);
      expect(error).toBeUndefined();
      expect(completed).toEqual([ACCOUNT_SCOPE]);
      expect(emitted.get(ACCOUNT_SCOPE)!.length).toBeGreaterThan(0);
    }
    expect(
      (await runTask(CDNS_LIST, connection)).emitted.get(ACCOUNT_SCOPE),
    ).toHaveLength(fake.digitalocean.data.cdnEndpoints.length);
  });

  it('waits as long as a 429 asks, then carries on', async () => {
    fake.digitalocean.throttleNext = 1;
    fake.digitalocean.throttleRetryAfterSeconds = 1;
    const started = Date.now();
    const { emitted, completed, error } = await runTask(
      SERVER_LIST,
      connection,
    );
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect(error).toBeUndefined();
    expect(completed).toEqual([ACCOUNT_SCOPE]);
    expect(emitted.get(ACCOUNT_SCOPE)).toHaveLength(2 * DROPLETS_PER_REGION);
    expect(fake.digitalocean.requestCounts.get('/v2/droplets')).toBe(
      DROPLET_PAGES + 1,
    );
  });

  it('gives up at once when the rate limit resets too far ahead', async () => {
    fake.digitalocean.throttleNext = 1;
    fake.digitalocean.throttleRetryAfterSeconds = 3600;
    const { completed, error } = await runTask(SERVER_LIST, connection);
    expect(completed).toEqual([]);
    expect(error).toMatchObject({
      kind: 'provider',
      code: 'too_many_requests',
      message:
        'too_many_requests: API Rate limit exceeded. (the API asks to wait 3600 s; giving up)',
    });
    expect(fake.digitalocean.requestCounts.get('/v2/droplets')).toBe(1);
  });

  it('fails fast on a bad token with the API message', async () => {
    connection.credentials.token = `dop_v1_${'0'.repeat(64)}`;
    const { completed, error } = await runTask(SERVER_LIST, connection);
    expect(error).toMatchObject({
      kind: 'credentials',
      code: 'unauthorized',
      message: 'unauthorized: Unable to authenticate you',
    });
    expect(completed).toEqual([]);
    expect(fake.digitalocean.requestCounts.get('/v2/droplets')).toBe(1);
  });

  it('names the token scope a 403 asks for', async () => {
    fake.digitalocean.missingScopes = ['block_storage:read'];
    const { error } = await runTask(VOLUMES_LIST, connection);
    expect(error).toMatchObject({
      kind: 'permission',
      permission: 'block_storage:read',
      message:
        'forbidden: You are not authorized to perform this operation (the token needs the block_storage:read scope)',
    });
    expect(VOLUMES_LIST.permissions).toEqual(['block_storage:read']);
  });

  it('leaves the scope incomplete when the scan fails mid-way', async () => {
    fake.digitalocean.failure = { action: '/v2/droplets', afterRequests: 2 };
    const { emitted, completed, error } = await runTask(
      SERVER_LIST,
      connection,
    );
    expect(emitted.get(ACCOUNT_SCOPE)).toHaveLength(400);
    expect(completed).toEqual([]);
    expect(error).toMatchObject({
      kind: 'provider',
      code: 'server_error',
      message: 'server_error: Server was unable to give you a response.',
    });
    // Two pages, then maxAttempts (3) tries of the third.
    expect(fake.digitalocean.requestCounts.get('/v2/droplets')).toBe(5);
  });

  it('stops when the run is cut short, without completing', async () => {
    const abort = new AbortController();
    const { emitted, completed } = await runTask(SERVER_LIST, connection, {
      signal: abort.signal,
      onEmit: () => abort.abort(),
    });
    expect(emitted.get(ACCOUNT_SCOPE)).toHaveLength(200);
    expect(completed).toEqual([]);
  });
});
