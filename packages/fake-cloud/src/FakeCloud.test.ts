import { FakeCloud, startFakeCloud } from './FakeCloud';

/** A request as SigV4 clients send it: the credential scope names key, region, service. */
async function call(
  fake: FakeCloud,
  params: Record<string, string>,
  scope = { key: 'AKIAFAKEMAESTRO00001', region: 'us-east-1', service: 'ec2' },
) {
  const res = await fetch(fake.url, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      authorization: `AWS4-HMAC-SHA256 Credential=${scope.key}/20261126/${scope.region}/${scope.service}/aws4_request, SignedHeaders=host, Signature=00`,
    },
    body: new URLSearchParams({ Version: '2016-11-15', ...params }).toString(),
  });
  return { status: res.status, body: await res.text() };
}

describe('fake cloud, AWS', () => {
  let fake: FakeCloud;
  beforeAll(async () => {
    fake = await startFakeCloud({
      aws: { regions: ['us-east-1'], instancesPerRegion: 12 },
    });
  });
  afterAll(() => fake.close());
  afterEach(() => fake.aws.resetSwitches());

  it('pages DescribeInstances with MaxResults and NextToken', async () => {
    const ids: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const { status, body } = await call(fake, {
        Action: 'DescribeInstances',
        MaxResults: '5',
        ...(token ? { NextToken: token } : {}),
      });
      expect(status).toBe(200);
      expect(body).toContain(
        '<DescribeInstancesResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/">',
      );
      ids.push(
        ...[...body.matchAll(/<instanceId>([^<]+)<\/instanceId>/g)].map(
          m => m[1],
        ),
      );
      token = /<nextToken>([^<]+)<\/nextToken>/.exec(body)?.[1];
      pages++;
    } while (token);
    expect(pages).toBe(3);
    expect(ids).toEqual(
      fake.aws.region('us-east-1').instances.map(i => i.instanceId),
    );
  });

  it('answers DescribeInstances without MaxResults unpaginated, as EC2 does', async () => {
    // More matching instances than the largest page (1000).
    const big = await startFakeCloud({
      aws: { regions: ['us-east-1'], instancesPerRegion: 1600 },
    });
    try {
      const { status, body } = await call(big, {
        Action: 'DescribeInstances',
        'Filter.1.Name': 'instance-state-name',
        'Filter.1.Value.1': 'running',
      });
      expect(status).toBe(200);
      const running = big.aws
        .region('us-east-1')
        .instances.filter(i => i.state === 'running')
        .map(i => i.instanceId);
      expect(running.length).toBeGreaterThan(1000);
      expect(
        [...body.matchAll(/<instanceId>([^<]+)<\/instanceId>/g)].map(m => m[1]),
      ).toEqual(running);
      expect(body).not.toContain('<nextToken>');
    } finally {
      await big.close();
    }
  });

  it('refuses MaxResults outside the documented range', async () => {
    const { status, body } = await call(fake, {
      Action: 'DescribeInstances',
      MaxResults: '2',
    });
    expect(status).toBe(400);
    expect(body).toContain('<Code>InvalidParameterValue</Code>');
  });

  it('answers EC2 errors in the Response/Errors/Error format', async () => {
    fake.aws.throttleNext = 1;
    const throttled = await call(fake, { Action: 'DescribeVolumes' });
    expect(throttled.status).toBe(503);
    expect(throttled.body).toMatch(
      /<Response><Errors><Error><Code>RequestLimitExceeded<\/Code>/,
    );
    expect((await call(fake, { Action: 'DescribeVolumes' })).status).toBe(200);

    const unknownKey = await call(
      fake,
      { Action: 'DescribeVpcs' },
      { key: 'AKIANOTKNOWN0000000', region: 'us-east-1', service: 'ec2' },
    );
    expect(unknownKey.status).toBe(401);
    expect(unknownKey.body).toContain('<Code>AuthFailure</Code>');
  });

  it('fails mid-scan after the given number of requests', async () => {
    fake.aws.failure = { action: 'DescribeInstances', afterRequests: 1 };
    expect(
      (await call(fake, { Action: 'DescribeInstances', MaxResults: '5' }))
        .status,
    ).toBe(200);
    const failed = await call(fake, {
      Action: 'DescribeInstances',
      MaxResults: '5',
    });
    expect(failed.status).toBe(500);
    expect(failed.body).toContain('<Code>InternalError</Code>');
  });

  it('speaks STS: GetCallerIdentity, AssumeRole and its errors', async () => {
    const sts = {
      key: 'AKIAFAKEMAESTRO00001',
      region: 'us-east-1',
      service: 'sts',
    };
    const identity = await call(
      fake,
      { Action: 'GetCallerIdentity', Version: '2011-06-15' },
      sts,
    );
    expect(identity.body).toContain(
      '<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">',
    );
    expect(identity.body).toContain('<Account>123456789012</Account>');

    const role = 'arn:aws:iam::123456789012:role/ro';
    fake.aws.addRole(role, 'ext');
    const assumed = await call(
      fake,
      {
        Action: 'AssumeRole',
        Version: '2011-06-15',
        RoleArn: role,
        ExternalId: 'ext',
        RoleSessionName: 's',
      },
      sts,
    );
    const key = /<AccessKeyId>(ASIA[^<]+)<\/AccessKeyId>/.exec(
      assumed.body,
    )?.[1];
    expect(key).toBeDefined();
    // The temporary key works for EC2.
    expect(
      (
        await call(
          fake,
          { Action: 'DescribeVpcs' },
          { key: key!, region: 'us-east-1', service: 'ec2' },
        )
      ).status,
    ).toBe(200);

    const refused = await call(
      fake,
      {
        Action: 'AssumeRole',
        Version: '2011-06-15',
        RoleArn: role,
        ExternalId: 'bad',
        RoleSessionName: 's',
      },
      sts,
    );
    expect(refused.status).toBe(403);
    expect(refused.body).toMatch(
      /<ErrorResponse xmlns="https:\/\/sts.amazonaws.com\/doc\/2011-06-15\/"><Error><Type>Sender<\/Type><Code>AccessDenied<\/Code>/,
    );
  });
});
