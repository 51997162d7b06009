import { FakeCloud, startFakeCloud } from '@maestro/fake-cloud';
import { readOpenStackSettings } from '../openstackSettings';
import { NOVA_SERVERS } from './apis';
import { OpenStackSession } from './OpenStackSession';
import { listPages } from './paging';

jest.setTimeout(30_000);

describe('OpenStackSession against the fake cloud', () => {
  let fake: FakeCloud;
  let settings: Record<string, string>;
  let credentials: Record<string, string>;
  const session = (options = {}) =>
    new OpenStackSession(readOpenStackSettings({ settings, credentials }), {
      backoffMs: 10,
      ...options,
    });
  const serversUrl = async (s: OpenStackSession) =>
    `${await s.endpoint('compute', 'RegionOne')}/servers/detail?limit=5`;
  const call = { service: 'compute' as const, policy: NOVA_SERVERS.policy };

  beforeAll(async () => {
    fake = await startFakeCloud({ openstack: { serversPerRegion: 12 } });
  });
  afterAll(() => fake.close());
  beforeEach(() => {
    fake.openstack.resetSwitches();
    fake.openstack.requestCounts.clear();
    fake.openstack.calls.length = 0;
    const c = fake.openstack.defaultCredentials;
    settings = {
      // Without /v3: the session adds it, as clouds publish both forms.
      authUrl: `${fake.url}/openstack/identity`,
      username: c.username,
      userDomain: 'Default',
      projectName: c.projectName,
      projectDomain: 'default',
    };
    credentials = { password: c.password };
  });

  it('authenticates once, scoped to the project, and reads the catalog', async () => {
    const s = session();
    expect(await s.projectId()).toBe(fake.openstack.project.id);
    expect(await s.endpoint('compute', 'RegionTwo')).toBe(
      `${fake.url}/openstack/public/RegionTwo/compute/v2.1`,
    );
    expect(await s.regions('block-storage')).toEqual([
      'RegionOne',
      'RegionTwo',
    ]);
    await s.getJson(await serversUrl(s), call);
    await s.getJson(await serversUrl(s), call);
    expect(fake.openstack.requestCounts.get('tokens')).toBe(1);
  });

  it('scopes by project id and uses the internal interface when asked', async () => {
    delete settings.projectName;
    settings.projectId = fake.openstack.project.id;
    settings.interface = 'internal';
    settings.region = 'RegionTwo';
    const s = session();
    expect(await s.regions('compute')).toEqual(['RegionTwo']);
    const body = await s.getJson(
      `${await s.endpoint('compute', 'RegionTwo')}/servers/detail?limit=1`,
      call,
    );
    expect(body.servers).toHaveLength(1);
    expect(fake.openstack.calls.at(-1)).toMatchObject({
      route: 'servers',
      interface: 'internal',
      region: 'RegionTwo',
    });
  });

  it('refuses a region the catalog does not offer', async () => {
    settings.region = 'RegionOne,Mars';
    await expect(session().regions('compute')).rejects.toMatchObject({
      kind: 'provider',
      message:
        'The service catalog has no compute endpoint on the public interface in region Mars',
    });
  });

  it('reports a wrong password as credentials', async () => {
    credentials.password = 'wrong';
    await expect(session().projectId()).rejects.toMatchObject({
      kind: 'credentials',
      code: 'Unauthorized',
      message:
        'Keystone refused the credentials (401): The request you have made requires authentication.',
    });
  });

  it('authenticates again before the token expires', async () => {
    fake.openstack.tokenLifetimeSeconds = 1;
    const s = session();
    await s.getJson(await serversUrl(s), call);
    await new Promise(resolve => setTimeout(resolve, 1100));
    await s.getJson(await serversUrl(s), call);
    expect(fake.openstack.requestCounts.get('tokens')).toBe(2);
    expect(fake.openstack.requestCounts.get('unauthorized')).toBeUndefined();
  });

  it('authenticates again once when a service answers 401, then gives up with credentials', async () => {
    const s = session();
    const url = await serversUrl(s);
    fake.openstack.revokeTokens();
    expect((await s.getJson(url, call)).servers).toHaveLength(5);
    expect(fake.openstack.requestCounts.get('tokens')).toBe(2);
    expect(fake.openstack.requestCounts.get('unauthorized')).toBe(1);

    // Tokens that never work: one renewal, then the credentials are at fault.
    fake.openstack.tokenLifetimeSeconds = 0;
    fake.openstack.revokeTokens();
    await expect(s.getJson(url, call)).rejects.toMatchObject({
      kind: 'credentials',
      message:
        'Nova (compute) answered 401: The request you have made requires authentication.',
    });
  });

  it('waits as long as Retry-After says before trying again', async () => {
    const s = session();
    const url = await serversUrl(s);
    fake.openstack.throttleNext = 2;
    fake.openstack.throttleRetryAfter = 1;
    const started = Date.now();
    expect((await s.getJson(url, call)).servers).toHaveLength(5);
    expect(Date.now() - started).toBeGreaterThanOrEqual(2000);
    expect(fake.openstack.requestCounts.get('servers')).toBe(3);
  });

  it('fails at once on a Retry-After beyond its patience, and after its attempts otherwise', async () => {
    const s = session({ maxRetryAfterMs: 5_000 });
    const url = await serversUrl(s);
    fake.openstack.throttleNext = 1;
    fake.openstack.throttleRetryAfter = 3600;
    fake.openstack.throttleStatus = 413;
    await expect(s.getJson(url, call)).rejects.toMatchObject({
      kind: 'provider',
      code: 'overLimit',
      message: 'Nova (compute) answered 413: This request was rate-limited.',
    });
    expect(fake.openstack.requestCounts.get('servers')).toBe(1);

    settings.maxAttempts = '3';
    fake.openstack.failure = { route: 'servers', afterRequests: 0 };
    const limited = session();
    await expect(limited.getJson(url, call)).rejects.toMatchObject({
      kind: 'provider',
      code: 'computeFault',
    });
    expect(fake.openstack.requestCounts.get('servers')).toBe(1 + 3);
  });

  it('walks links on the catalog endpoint, whatever host the links name', async () => {
    const s = session();
    const pages: number[] = [];
    for await (const page of listPages(s, 'RegionOne', {
      ...NOVA_SERVERS,
      pageSize: 5,
    })) {
      pages.push(page.length);
    }
    expect(pages).toEqual([5, 5, 2]);
    expect(
      fake.openstack.calls.filter(c => c.route === 'servers').map(c => c.query),
    ).toEqual([
      'limit=5',
      `limit=5&marker=${fake.openstack.region('RegionOne').servers[4].id}`,
      `limit=5&marker=${fake.openstack.region('RegionOne').servers[9].id}`,
    ]);
  });

  it('says when Keystone cannot be reached', async () => {
    settings.authUrl = 'http://127.0.0.1:9/v3';
    settings.maxAttempts = '2';
    await expect(session().projectId()).rejects.toMatchObject({
      kind: 'provider',
      code: 'Unreachable',
      message: expect.stringMatching(
        /^Cannot reach Keystone at http:\/\/127\.0\.0\.1:9: /,
      ),
    });
  });
});
