import { FakeCloud, startFakeCloud } from '../FakeCloud';
import { FakeOpenStack } from './FakeOpenStack';

describe('fake cloud, OpenStack', () => {
  let fake: FakeCloud;
  let identity: string;

  const authBody = (
    overrides: { password?: string; project?: object } = {},
  ) => ({
    auth: {
      identity: {
        methods: ['password'],
        password: {
          user: {
            name: 'maestro',
            domain: { name: 'Default' },
            password: overrides.password ?? 'fake-openstack-password',
          },
        },
      },
      scope: {
        project: overrides.project ?? {
          name: 'maestro-demo',
          domain: { id: 'default' },
        },
      },
    },
  });

  const authenticate = async (body: object = authBody()) => {
    const res = await fetch(`${identity}/auth/tokens`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return {
      status: res.status,
      token: res.headers.get('x-subject-token'),
      body: (await res.json()) as any,
    };
  };

  const endpoint = (
    catalog: any[],
    type: string,
    region: string,
    iface = 'public',
  ) =>
    catalog
      .find(s => s.type === type)
      ?.endpoints.find(
        (e: any) => e.region_id === region && e.interface === iface,
      )?.url as string;

  const get = async (
    url: string,
    token?: string | null,
    headers: Record<string, string> = {},
  ) => {
    const res = await fetch(url, {
      headers: { ...(token ? { 'x-auth-token': token } : {}), ...headers },
    });
    const text = await res.text();
    return {
      status: res.status,
      headers: res.headers,
      text,
      body: JSON.parse(text) as any,
    };
  };

  beforeAll(async () => {
    fake = await startFakeCloud({
      openstack: {
        regions: ['RegionOne', 'RegionTwo'],
        serversPerRegion: 12,
        imagesPerRegion: 5,
      },
    });
    identity = `${fake.url}/openstack/identity/v3`;
  });
  afterAll(() => fake.close());
  afterEach(() => fake.openstack.resetSwitches());

  it('issues a scoped token whose catalog points back at the fake', async () => {
    const { status, token, body } = await authenticate();
    expect(status).toBe(201);
    expect(token).toMatch(/^gAAAAAB[\w-]+$/);
    expect(body.token).toMatchObject({
      methods: ['password'],
      user: { name: 'maestro', domain: { id: 'default', name: 'Default' } },
      project: { id: fake.openstack.project.id, name: 'maestro-demo' },
      roles: expect.arrayContaining([
        expect.objectContaining({ name: 'reader' }),
      ]),
    });
    expect(Date.parse(body.token.expires_at)).toBeGreaterThan(
      Date.now() + 3500_000,
    );
    const types = body.token.catalog.map((s: any) => s.type).sort();
    expect(types).toEqual([
      'block-storage',
      'compute',
      'identity',
      'image',
      'load-balancer',
      'network',
      'volumev3',
    ]);
    const compute = body.token.catalog.find((s: any) => s.type === 'compute');
    expect(compute.name).toBe('nova');
    expect(compute.endpoints).toHaveLength(6);
    expect(
      endpoint(body.token.catalog, 'compute', 'RegionTwo', 'internal'),
    ).toBe(`${fake.url}/openstack/internal/RegionTwo/compute/v2.1`);
    expect(endpoint(body.token.catalog, 'block-storage', 'RegionOne')).toBe(
      `${fake.url}/openstack/public/RegionOne/volume/v3/${fake.openstack.project.id}`,
    );
  });

  it('refuses a wrong password, an unknown project and a malformed request as Keystone does', async () => {
    const wrong = await authenticate(authBody({ password: 'nope' }));
    expect(wrong.status).toBe(401);
    expect(wrong.token).toBeNull();
    expect(wrong.body).toEqual({
      error: {
        code: 401,
        title: 'Unauthorized',
        message: 'The request you have made requires authentication.',
      },
    });
    const project = await authenticate(
      authBody({ project: { id: 'f'.repeat(32) } }),
    );
    expect(project.status).toBe(401);
    fake.openstack.badPassword = true;
    expect((await authenticate()).status).toBe(401);
    const malformed = await authenticate({ auth: {} });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.message).toMatch(
      /^Expecting to find identity in auth/,
    );
  });

  it('checks X-Auth-Token on every service call', async () => {
    const { token, body } = await authenticate();
    const servers = `${endpoint(
      body.token.catalog,
      'compute',
      'RegionOne',
    )}/servers/detail`;
    const missing = await get(servers);
    expect(missing.status).toBe(401);
    expect(missing.headers.get('www-authenticate')).toBe(
      `Keystone uri="${fake.url}/openstack/identity"`,
    );
    expect((await get(servers, 'gAAAAABnot-a-token')).status).toBe(401);
    expect((await get(servers, token)).status).toBe(200);

    fake.openstack.tokenLifetimeSeconds = 0;
    const shortLived = await authenticate();
    expect((await get(servers, shortLived.token)).status).toBe(401);

    fake.openstack.revokeTokens();
    expect((await get(servers, token)).status).toBe(401);
  });

  it('pages Nova servers with limit, marker and servers_links, ending on an empty page after a full one', async () => {
    const { token, body } = await authenticate();
    const base = endpoint(body.token.catalog, 'compute', 'RegionOne');
    const ids: string[] = [];
    let url: string | undefined = `${base}/servers/detail?limit=4`;
    let pages = 0;
    while (url) {
      const page = await get(url, token);
      expect(page.status).toBe(200);
      ids.push(...page.body.servers.map((s: any) => s.id));
      url = page.body.servers_links?.find((l: any) => l.rel === 'next')?.href;
      pages++;
    }
    // 12 servers in pages of 4: three full pages, each with a next link.
    expect(pages).toBe(4);
    expect(ids).toEqual(
      fake.openstack.region('RegionOne').servers.map(s => s.id),
    );

    const bad = await get(`${base}/servers/detail?marker=nope`, token);
    expect(bad.status).toBe(400);
    expect(bad.body).toEqual({
      badRequest: { code: 400, message: 'marker [nope] not found' },
    });
  });

  it('renders servers as the compute microversion asks', async () => {
    const { token, body } = await authenticate();
    const url = `${endpoint(
      body.token.catalog,
      'compute',
      'RegionOne',
    )}/servers/detail?limit=1`;
    const base = (await get(url, token)).body.servers[0];
    expect(base.tags).toBeUndefined();
    expect(base.flavor).toEqual({
      id: expect.any(String),
      links: [expect.objectContaining({ rel: 'bookmark' })],
    });
    const tagged = await get(url, token, {
      'X-OpenStack-Nova-API-Version': '2.26',
    });
    expect(tagged.headers.get('openstack-api-version')).toBe('compute 2.26');
    expect(tagged.body.servers[0].tags).toEqual(
      expect.arrayContaining(['maestro']),
    );
  });

  it('pages Glance with a relative next, 25 images without a limit', async () => {
    const { token, body } = await authenticate();
    const base = endpoint(body.token.catalog, 'image', 'RegionOne');
    const first = await get(`${base}/v2/images?limit=2`, token);
    expect(first.body.first).toBe('/v2/images?limit=2');
    expect(first.body.next).toMatch(
      /^\/v2\/images\?limit=2&marker=[0-9a-f-]{36}$/,
    );
    const second = await get(`${base}${first.body.next}`, token);
    expect(second.body.images).toHaveLength(2);
    const all = await get(`${base}/v2/images`, token);
    expect(all.body.images).toHaveLength(5);
    expect(all.body.next).toBeUndefined();

    const many = new FakeOpenStack({ imagesPerRegion: 30 });
    const request = (
      method: string,
      path: string,
      headers = {},
      json?: object,
    ) =>
      many.handle({
        method,
        path,
        query: new URLSearchParams(),
        headers: { host: 'cloud.example', ...headers },
        body: Buffer.from(json ? JSON.stringify(json) : ''),
      });
    const issued = await request(
      'POST',
      '/identity/v3/auth/tokens',
      {},
      authBody(),
    );
    const listed = await request('GET', '/public/RegionOne/image/v2/images', {
      'x-auth-token': issued.headers!['X-Subject-Token'],
    });
    const images = JSON.parse(String(listed.body));
    expect(images.images).toHaveLength(25);
    expect(images.next).toBe(
      `/v2/images?marker=${many.region('RegionOne').images[24].id}`,
    );
  });

  it('filters and projects Neutron ports and links only to pages that exist', async () => {
    const { token, body } = await authenticate();
    const base = endpoint(body.token.catalog, 'network', 'RegionOne');
    const region = fake.openstack.region('RegionOne');
    const [a, b] = region.servers.filter(s => s.status === 'ACTIVE');
    const byDevice = await get(
      `${base}/v2.0/ports?device_id=${a.id}&device_id=${b.id}&fields=id&fields=device_id`,
      token,
    );
    expect(byDevice.body.ports.map((p: any) => p.device_id).sort()).toEqual(
      [a.id, b.id].sort(),
    );
    expect(Object.keys(byDevice.body.ports[0]).sort()).toEqual([
      'device_id',
      'id',
    ]);
    expect(byDevice.body.ports_links).toBeUndefined();

    const address = Object.values(a.addresses)[0][0].addr;
    const byIp = await get(
      `${base}/v2.0/ports?fixed_ips=ip_address%3D${address}`,
      token,
    );
    expect(byIp.body.ports.map((p: any) => p.device_id)).toEqual([a.id]);

    const count = region.networks.length;
    const first = await get(`${base}/v2.0/networks?limit=${count - 1}`, token);
    const next = first.body.networks_links.find((l: any) => l.rel === 'next');
    const last = await get(next.href, token);
    expect(last.body.networks).toHaveLength(1);
    // The last page has a previous link and no next one.
    expect(last.body.networks_links.map((l: any) => l.rel)).toEqual([
      'previous',
    ]);
  });

  it('throttles with Retry-After, denies a policy and fails mid-scan in each service format', async () => {
    const { token, body } = await authenticate();
    const nova = `${endpoint(
      body.token.catalog,
      'compute',
      'RegionOne',
    )}/servers/detail`;
    const neutron = `${endpoint(
      body.token.catalog,
      'network',
      'RegionOne',
    )}/v2.0/networks`;
    const octavia = `${endpoint(
      body.token.catalog,
      'load-balancer',
      'RegionOne',
    )}/v2/lbaas/loadbalancers`;

    fake.openstack.throttleNext = 1;
    const throttled = await get(nova, token);
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get('retry-after')).toBe('1');
    expect(throttled.body.overLimit).toMatchObject({
      code: 429,
      retryAfter: '1',
    });
    expect((await get(nova, token)).status).toBe(200);

    fake.openstack.forbidden = 'os_compute_api:servers:detail';
    expect(await get(nova, token)).toMatchObject({
      status: 403,
      body: {
        forbidden: {
          code: 403,
          message:
            "Policy doesn't allow os_compute_api:servers:detail to be performed.",
        },
      },
    });
    fake.openstack.forbidden = 'get_network';
    expect((await get(neutron, token)).body).toEqual({
      NeutronError: {
        type: 'PolicyNotAuthorized',
        message: 'rule:get_network is disallowed by policy',
        detail: '',
      },
    });
    fake.openstack.forbidden = 'os_load-balancer_api:loadbalancer:get_all';
    expect((await get(octavia, token)).body).toMatchObject({
      faultcode: 'Client',
    });
    fake.openstack.forbidden = undefined;

    fake.openstack.failure = { route: 'servers', afterRequests: 1 };
    expect((await get(nova, token)).status).toBe(200);
    const failed = await get(nova, token);
    expect(failed.status).toBe(500);
    expect(failed.body.computeFault.message).toMatch(/^Unexpected API Error/);
    expect((await get(neutron, token)).status).toBe(200);
  });

  it('leaves out services and generates the same project from the same seed', async () => {
    const a = new FakeOpenStack({
      seed: 7,
      serversPerRegion: 30,
      omitServices: ['load-balancer'],
    });
    const b = new FakeOpenStack({ seed: 7, serversPerRegion: 30 });
    expect(a.region('RegionTwo').servers).toEqual(
      b.region('RegionTwo').servers,
    );
    expect(a.region('RegionOne').servers.map(s => s.id)).not.toEqual(
      fake.openstack.region('RegionOne').servers.map(s => s.id),
    );
    const answer = await a.handle({
      method: 'POST',
      path: '/identity/v3/auth/tokens',
      query: new URLSearchParams(),
      headers: { host: 'cloud.example:5000' },
      body: Buffer.from(JSON.stringify(authBody())),
    });
    const catalog = JSON.parse(String(answer.body)).token.catalog;
    expect(catalog.map((s: any) => s.type)).not.toContain('load-balancer');
    expect(endpoint(catalog, 'image', 'RegionOne')).toBe(
      'http://cloud.example:5000/openstack/public/RegionOne/image',
    );
    const statuses = new Set(a.region('RegionOne').servers.map(s => s.status));
    expect(statuses.size).toBeGreaterThan(3);
    const attached = a
      .region('RegionOne')
      .volumes.filter(v => v.attachments.length);
    for (const volume of attached) {
      const server = a
        .region('RegionOne')
        .servers.find(s => s.id === volume.attachments[0].server_id)!;
      expect(server['os-extended-volumes:volumes_attached']).toContainEqual({
        id: volume.id,
      });
    }
  });
});
