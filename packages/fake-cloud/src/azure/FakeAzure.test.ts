import https from 'https';
import { FakeCloud, startFakeCloud } from '../FakeCloud';

/** A request over the fake's TLS listener, trusting its certificate only. */
function call(
  fake: FakeCloud,
  method: string,
  path: string,
  opts: { token?: string; form?: Record<string, string> } = {},
): Promise<{ status: number; headers: Record<string, any>; body: any }> {
  const body = opts.form ? new URLSearchParams(opts.form).toString() : '';
  return new Promise((resolve, reject) => {
    const req = https.request(
      `${fake.httpsUrl}/azure${path}`,
      {
        method,
        ca: fake.caCertificate,
        headers: {
          ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
          ...(opts.form
            ? { 'content-type': 'application/x-www-form-urlencoded' }
            : {}),
        },
      },
      res => {
        let text = '';
        res.on('data', c => (text += c));
        res.on('end', () =>
          resolve({
            status: res.statusCode!,
            headers: res.headers,
            body: JSON.parse(text),
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

describe('fake cloud, Azure', () => {
  let fake: FakeCloud;
  let token: string;
  const vms = (rest = '') =>
    `/subscriptions/${fake.azure.subscriptionId}/providers/Microsoft.Compute/virtualMachines?api-version=2026-04-01${rest}`;

  beforeAll(async () => {
    fake = await startFakeCloud({
      https: true,
      azure: { locations: ['eastus', 'westeurope'], vmsPerLocation: 7 },
    });
    const res = await call(
      fake,
      'POST',
      `/${fake.azure.tenantId}/oauth2/v2.0/token`,
      {
        form: {
          grant_type: 'client_credentials',
          client_id: fake.azure.defaultClient.clientId,
          client_secret: fake.azure.defaultClient.clientSecret,
          scope: 'https://management.azure.com/.default',
        },
      },
    );
    if (res.status !== 200) throw new Error(JSON.stringify(res.body));
    token = res.body.access_token;
  });
  afterAll(() => fake.close());
  afterEach(() => {
    fake.azure.resetSwitches();
    fake.azure.pageSize = 50;
  });

  it('issues bearer tokens for the client secret', async () => {
    const res = await call(
      fake,
      'POST',
      `/${fake.azure.tenantId}/oauth2/v2.0/token`,
      {
        form: {
          grant_type: 'client_credentials',
          client_id: fake.azure.defaultClient.clientId,
          client_secret: fake.azure.defaultClient.clientSecret,
          scope: 'https://management.azure.com/.default',
        },
      },
    );
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ token_type: 'Bearer', expires_in: 3599 });
    const vmsOk = await call(fake, 'GET', vms(), {
      token: res.body.access_token,
    });
    expect(vmsOk.status).toBe(200);
  });

  it('serves OpenID metadata that points at its own token endpoint', async () => {
    const res = await call(
      fake,
      'GET',
      `/${fake.azure.tenantId}/v2.0/.well-known/openid-configuration`,
    );
    expect(res.body.token_endpoint).toBe(
      `${fake.httpsUrl}/azure/${fake.azure.tenantId}/oauth2/v2.0/token`,
    );
  });

  it('refuses a wrong client secret with AADSTS7000215', async () => {
    const res = await call(
      fake,
      'POST',
      `/${fake.azure.tenantId}/oauth2/v2.0/token`,
      {
        form: {
          grant_type: 'client_credentials',
          client_id: fake.azure.defaultClient.clientId,
          client_secret: 'wrong',
          scope: 'https://management.azure.com/.default',
        },
      },
    );
    expect(res.status).toBe(401);
    expect(res.body.error).toBe('invalid_client');
    expect(res.body.error_description).toMatch(
      /^AADSTS7000215: Invalid client secret provided/,
    );
  });

  it('walks VMs of every location with nextLink', async () => {
    fake.azure.pageSize = 4;
    const ids: string[] = [];
    let url: string | undefined = vms();
    let pages = 0;
    const links: string[] = [];
    while (url) {
      const res = await call(fake, 'GET', url, { token });
      expect(res.status).toBe(200);
      ids.push(...res.body.value.map((v: any) => v.id));
      url = res.body.nextLink?.slice(`${fake.httpsUrl}/azure`.length);
      if (res.body.nextLink) links.push(res.body.nextLink);
      pages++;
    }
    expect(pages).toBe(4);
    // Absolute links, as ARM writes them, with the api-version kept.
    for (const link of links) {
      expect(link).toMatch(
        /^https:\/\/127\.0\.0\.1:\d+\/azure\/subscriptions\/.*\?api-version=2026-04-01&\$skiptoken=/,
      );
    }
    expect(ids).toEqual(
      [...fake.azure.locations.values()].flatMap(l =>
        l.virtualMachines.map(v => v.id),
      ),
    );
  });

  it('lists a resource group only, and the run-time status with statusOnly', async () => {
    const location = fake.azure.location('eastus');
    const res = await call(
      fake,
      'GET',
      `/subscriptions/${fake.azure.subscriptionId}/resourceGroups/RG-EASTUS-WEB/providers/Microsoft.Compute/virtualMachines?api-version=2026-04-01`,
      { token },
    );
    expect(res.body.value.map((v: any) => v.name)).toEqual(
      location.virtualMachines
        .filter(v => v.id.includes('/rg-eastus-web/'))
        .map(v => v.name),
    );
    const status = await call(fake, 'GET', vms('&statusOnly=true'), { token });
    const first = location.virtualMachines[0];
    expect(status.body.value[0]).toEqual({
      id: first.id,
      name: first.name,
      type: 'Microsoft.Compute/virtualMachines',
      location: 'eastus',
      properties: {
        instanceView: {
          statuses: [
            expect.objectContaining({ code: 'ProvisioningState/succeeded' }),
            expect.objectContaining({
              code: `PowerState/${location.powerStates.get(first.id)}`,
            }),
          ],
        },
      },
    });
  });

  it('answers ARM errors for missing tokens, api-versions and subscriptions', async () => {
    const noToken = await call(fake, 'GET', vms());
    expect(noToken.status).toBe(401);
    expect(noToken.body.error.code).toBe('AuthenticationFailed');
    const badVersion = await call(
      fake,
      'GET',
      vms().replace('2026-04-01', '2015-01-01'),
      { token },
    );
    expect(badVersion.status).toBe(400);
    expect(badVersion.body.error.code).toBe('NoRegisteredProviderFound');
    const otherSubscription = await call(
      fake,
      'GET',
      vms().replace(fake.azure.subscriptionId, 'not-mine'),
      { token },
    );
    expect(otherSubscription.status).toBe(404);
    expect(otherSubscription.body.error.code).toBe('SubscriptionNotFound');
  });

  it('throttles with Retry-After and denies an action by name', async () => {
    fake.azure.throttleNext = 1;
    const throttled = await call(fake, 'GET', vms(), { token });
    expect(throttled.status).toBe(429);
    expect(throttled.headers['retry-after']).toBe('1');
    expect((await call(fake, 'GET', vms(), { token })).status).toBe(200);

    fake.azure.deniedActions.add('Microsoft.Compute/disks/read');
    const denied = await call(
      fake,
      'GET',
      `/subscriptions/${fake.azure.subscriptionId}/providers/Microsoft.Compute/disks?api-version=2026-03-02`,
      { token },
    );
    expect(denied.status).toBe(403);
    expect(denied.body.error.code).toBe('AuthorizationFailed');
    expect(denied.body.error.message).toContain(
      "does not have authorization to perform action 'Microsoft.Compute/disks/read'",
    );
  });

  it('fails an operation after some requests until reset', async () => {
    fake.azure.failure = {
      operation: 'Microsoft.Network/virtualNetworks',
      afterRequests: 1,
    };
    const path = `/subscriptions/${fake.azure.subscriptionId}/providers/Microsoft.Network/virtualNetworks?api-version=2026-01-01`;
    expect((await call(fake, 'GET', path, { token })).status).toBe(200);
    const failed = await call(fake, 'GET', path, { token });
    expect(failed.status).toBe(500);
    expect(failed.body.error.code).toBe('InternalServerError');
    expect((await call(fake, 'GET', vms(), { token })).status).toBe(200);
  });
});
