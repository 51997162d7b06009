import { FakeCloud, startFakeCloud } from '@maestro/fake-cloud';
import { DiscoveryConnection } from '@maestro/plugin-maestro-node';
import { fakeConnection, runTask } from '../__testUtils__/runTask';
import { STORAGE_OBJECT_LIST } from './spacesTask';

jest.setTimeout(60_000);

describe('Spaces buckets through the S3 API of the fake cloud', () => {
  let fake: FakeCloud;
  let connection: DiscoveryConnection;

  beforeAll(async () => {
    fake = await startFakeCloud({
      digitalocean: { regions: ['nyc3', 'ams3'], bucketsPerRegion: 3 },
    });
  });
  afterAll(() => fake.close());
  beforeEach(() => {
    fake.digitalocean.resetSwitches();
    fake.digitalocean.requestCounts.clear();
    connection = fakeConnection(fake);
  });

  it('lists the buckets of each region with a signed ListBuckets, region by region', async () => {
    const { emitted, completed, error } = await runTask(
      STORAGE_OBJECT_LIST,
      connection,
    );
    expect(error).toBeUndefined();
    expect(completed).toEqual(['nyc3', 'ams3']);
    for (const region of ['nyc3', 'ams3']) {
      const buckets = fake.digitalocean.data.buckets.filter(
        b => b.region === region,
      );
      expect(buckets).toHaveLength(3);
      expect(emitted.get(region)!.map(e => e.metadata.title)).toEqual(
        buckets.map(b => b.name),
      );
      expect(emitted.get(region)![0].spec).toMatchObject({
        type: 'object-storage',
        datacenter: { provider: 'DigitalOcean', region },
        role: {
          endpoint: `${fake.url}/digitalocean/spaces/${region}/${buckets[0].name}`,
          createdAt: buckets[0].creationDate,
        },
      });
    }
    expect(fake.digitalocean.requestCounts.get('ListBuckets')).toBe(2);
  });

  it('reports a wrong secret as bad credentials', async () => {
    connection.credentials.spacesSecretAccessKey = 'not-the-secret';
    const { completed, error } = await runTask(STORAGE_OBJECT_LIST, connection);
    expect(completed).toEqual([]);
    expect(error).toMatchObject({
      kind: 'credentials',
      code: 'SignatureDoesNotMatch',
      message: expect.stringContaining('(Spaces nyc3)'),
    });
  });

  it('reports an unknown key as bad credentials', async () => {
    fake.digitalocean.badCredentials = true;
    const { error } = await runTask(STORAGE_OBJECT_LIST, connection);
    expect(error).toMatchObject({
      kind: 'credentials',
      code: 'InvalidAccessKeyId',
      message:
        'InvalidAccessKeyId: The access key ID you provided does not exist in our records. (Spaces nyc3)',
    });
  });

  it('retries a SlowDown answer', async () => {
    fake.digitalocean.throttleNext = 1;
    const { completed, error } = await runTask(STORAGE_OBJECT_LIST, connection);
    expect(error).toBeUndefined();
    expect(completed).toEqual(['nyc3', 'ams3']);
    expect(fake.digitalocean.requestCounts.get('ListBuckets')).toBe(3);
  });

  it('completes only the regions whose listing came through', async () => {
    fake.digitalocean.failure = { action: 'ListBuckets', afterRequests: 1 };
    const { emitted, completed, error } = await runTask(
      STORAGE_OBJECT_LIST,
      connection,
    );
    expect(completed).toEqual(['nyc3']);
    expect(emitted.has('ams3')).toBe(false);
    expect(error).toMatchObject({ kind: 'provider', code: 'InternalError' });
  });

  it('says what is missing when the connection has no Spaces key', async () => {
    delete connection.settings.spacesAccessKeyId;
    delete connection.credentials.spacesSecretAccessKey;
    const { error } = await runTask(STORAGE_OBJECT_LIST, connection);
    expect(error).toMatchObject({
      kind: 'credentials',
      code: 'no_spaces_key',
    });
    expect(fake.digitalocean.requestCounts.get('ListBuckets')).toBeUndefined();
  });
});
