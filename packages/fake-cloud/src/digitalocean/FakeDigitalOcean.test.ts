import { FakeCloud, startFakeCloud } from '../FakeCloud';
import { generateDoAccount } from './doData';

describe('fake cloud, DigitalOcean', () => {
  let fake: FakeCloud;
  const get = async (path: string, token?: string) => {
    const res = await fetch(
      path.startsWith('http') ? path : `${fake.url}/digitalocean${path}`,
      {
        headers: {
          authorization: `Bearer ${token ?? fake.digitalocean.token}`,
        },
      },
    );
    return { status: res.status, headers: res.headers, body: await res.json() };
  };

  beforeAll(async () => {
    fake = await startFakeCloud({
      digitalocean: { regions: ['nyc3', 'ams3'], dropletsPerRegion: 12 },
    });
  });
  afterAll(() => fake.close());
  afterEach(() => fake.digitalocean.resetSwitches());

  it('pages a list with links.pages that lead back to the fake, and meta.total', async () => {
    const first = await get('/v2/droplets?per_page=10');
    expect(first.status).toBe(200);
    expect(first.body.meta).toEqual({ total: 24 });
    expect(first.body.droplets).toHaveLength(10);
    expect(first.body.links.pages).toEqual({
      next: `${fake.url}/digitalocean/v2/droplets?per_page=10&page=2`,
      last: `${fake.url}/digitalocean/v2/droplets?per_page=10&page=3`,
    });
    expect(first.headers.get('ratelimit-limit')).toBe('5000');
    expect(Number(first.headers.get('ratelimit-remaining'))).toBeLessThan(5000);
    expect(Number(first.headers.get('ratelimit-reset'))).toBeGreaterThan(
      Date.now() / 1000,
    );

    const ids = first.body.droplets.map((d: any) => d.id);
    let next = first.body.links.pages.next;
    let last: any;
    while (next) {
      last = await get(next);
      ids.push(...last.body.droplets.map((d: any) => d.id));
      next = last.body.links.pages?.next;
    }
    expect(ids).toEqual(fake.digitalocean.data.droplets.map(d => d.id));
    expect(last.body.links.pages).toEqual({
      first: `${fake.url}/digitalocean/v2/droplets?per_page=10&page=1`,
      prev: `${fake.url}/digitalocean/v2/droplets?per_page=10&page=2`,
    });
  });

  it('leaves links empty when one page holds everything, and caps per_page at 200', async () => {
    const all = await get('/v2/volumes?per_page=1000');
    expect(all.body.links).toEqual({});
    expect(all.body.volumes).toHaveLength(
      fake.digitalocean.data.volumes.length,
    );

    const bigFake = await startFakeCloud({
      digitalocean: { regions: ['fra1'], dropletsPerRegion: 450 },
    });
    try {
      const res = await fetch(
        `${bigFake.url}/digitalocean/v2/droplets?per_page=500`,
        { headers: { authorization: `Bearer ${bigFake.digitalocean.token}` } },
      );
      const body = await res.json();
      expect(body.droplets).toHaveLength(200);
      expect(body.links.pages.last).toMatch(/per_page=200&page=3$/);
    } finally {
      await bigFake.close();
    }
  });

  it('filters own images and snapshots by resource type', async () => {
    const own = await get('/v2/images?private=true&per_page=200');
    expect(own.body.images.length).toBeGreaterThan(0);
    expect(own.body.images.every((i: any) => i.public === false)).toBe(true);
    const every = await get('/v2/images?per_page=200');
    expect(every.body.meta.total).toBeGreaterThan(own.body.meta.total);

    const volumeSnapshots = await get('/v2/snapshots?resource_type=volume');
    expect(volumeSnapshots.body.snapshots.length).toBeGreaterThan(0);
    expect(
      volumeSnapshots.body.snapshots.every(
        (s: any) => s.resource_type === 'volume',
      ),
    ).toBe(true);
  });

  it('serves every list of the API reference with its own key', async () => {
    for (const [path, key] of [
      ['/v2/load_balancers', 'load_balancers'],
      ['/v2/cdn/endpoints', 'endpoints'],
      ['/v2/kubernetes/clusters', 'kubernetes_clusters'],
      ['/v2/firewalls', 'firewalls'],
    ]) {
      const res = await get(path);
      expect(res.status).toBe(200);
      expect(res.body[key].length).toBeGreaterThan(0);
    }
    expect((await get('/v2/account')).body.account).toMatchObject({
      status: 'active',
    });
  });

  it('keeps generated resources consistent with each other', () => {
    const data = fake.digitalocean.data;
    const droplets = new Map(data.droplets.map(d => [d.id, d]));
    for (const volume of data.volumes.filter(v => v.droplet_ids.length)) {
      expect(droplets.get(volume.droplet_ids[0])!.volume_ids).toContain(
        volume.id,
      );
    }
    for (const lb of data.loadBalancers) {
      expect(lb.droplet_ids.every(id => droplets.has(id))).toBe(true);
    }
    for (const cluster of data.clusters) {
      for (const node of cluster.node_pools[0].nodes) {
        expect(droplets.get(Number(node.droplet_id))!.tags).toContain(
          `k8s:${cluster.id}`,
        );
      }
    }
    expect(new Set(data.droplets.map(d => d.status))).toEqual(
      new Set(['active', 'off', 'new']),
    );
  });

  it('generates the same account from the same seed', () => {
    const options = { regions: ['nyc3'], dropletsPerRegion: 5, seed: 7 };
    expect(generateDoAccount(options)).toEqual(generateDoAccount(options));
    expect(generateDoAccount({ ...options, seed: 8 }).volumes[0].id).not.toBe(
      generateDoAccount(options).volumes[0].id,
    );
  });

  it('answers errors in the API v2 error format', async () => {
    const bad = await get('/v2/droplets', 'dop_v1_nope');
    expect(bad.status).toBe(401);
    expect(bad.body).toMatchObject({
      id: 'unauthorized',
      message: 'Unable to authenticate you',
    });

    fake.digitalocean.throttleNext = 1;
    fake.digitalocean.throttleRetryAfterSeconds = 3;
    const throttled = await get('/v2/droplets');
    expect(throttled.status).toBe(429);
    expect(throttled.body.id).toBe('too_many_requests');
    expect(throttled.headers.get('retry-after')).toBe('3');
    expect(throttled.headers.get('ratelimit-remaining')).toBe('0');
    expect((await get('/v2/droplets')).status).toBe(200);

    fake.digitalocean.missingScopes = ['firewall:read'];
    const denied = await get('/v2/firewalls');
    expect(denied.status).toBe(403);
    expect(denied.body.id).toBe('forbidden');
    expect((await get('/v2/droplets')).status).toBe(200);

    fake.digitalocean.failure = { action: '/v2/volumes', afterRequests: 1 };
    expect((await get('/v2/volumes')).status).toBe(200);
    expect((await get('/v2/droplets')).status).toBe(200);
    const failed = await get('/v2/volumes?page=2');
    expect(failed.status).toBe(500);
    expect(failed.body.id).toBe('server_error');

    expect((await get('/v2/nothing')).status).toBe(404);
  });

  it('refuses Spaces requests that are not signed with a known key', async () => {
    const url = `${fake.url}/digitalocean/spaces/nyc3/`;
    const anonymous = await fetch(url);
    expect(anonymous.status).toBe(403);
    expect(await anonymous.text()).toContain('<Code>AccessDenied</Code>');

    const signedBy = (key: string) =>
      fetch(url, {
        headers: {
          authorization: `AWS4-HMAC-SHA256 Credential=${key}/20260101/nyc3/s3/aws4_request, SignedHeaders=host;x-amz-date, Signature=${'0'.repeat(
            64,
          )}`,
          'x-amz-date': '20260101T000000Z',
        },
      });
    const unknown = await signedBy('DO00UNKNOWNKEY000000');
    expect(unknown.status).toBe(403);
    expect(await unknown.text()).toContain('<Code>InvalidAccessKeyId</Code>');
    const forged = await signedBy(fake.digitalocean.spacesKey.accessKeyId);
    expect(forged.status).toBe(403);
    expect(await forged.text()).toContain('<Code>SignatureDoesNotMatch</Code>');
  });
});
