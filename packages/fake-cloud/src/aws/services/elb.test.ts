import { FakeCloud, startFakeCloud } from '../../FakeCloud';
import { allPages, blocks, queryCall, texts } from './queryTestClient';

const CLASSIC = { Version: '2012-06-01' };
const V2 = { Version: '2015-12-01' };
const NEXT = { request: 'Marker', response: 'NextMarker' };

describe('fake Elastic Load Balancing', () => {
  let fake: FakeCloud;
  beforeAll(async () => {
    fake = await startFakeCloud({
      aws: {
        regions: ['us-east-1', 'eu-west-1'],
        instancesPerRegion: 40,
        servicesPerRegion: 7,
      },
    });
  });
  afterAll(() => fake.close());
  afterEach(() => fake.aws.resetSwitches());

  it('pages Classic load balancers by Marker and NextMarker, with their instances', async () => {
    const bodies = await allPages(
      fake,
      'elasticloadbalancing',
      { ...CLASSIC, Action: 'DescribeLoadBalancers', PageSize: '3' },
      NEXT,
      { region: 'eu-west-1' },
    );
    expect(bodies).toHaveLength(3);
    expect(bodies[0]).toContain(
      '<DescribeLoadBalancersResponse xmlns="http://elasticloadbalancing.amazonaws.com/doc/2012-06-01/"><DescribeLoadBalancersResult>',
    );
    expect(bodies[0]).toMatch(
      /<ResponseMetadata><RequestId>[0-9a-f-]{36}<\/RequestId><\/ResponseMetadata><\/DescribeLoadBalancersResponse>$/,
    );
    const region = fake.aws.region('eu-west-1');
    const descriptions = bodies.flatMap(b =>
      blocks(b, 'LoadBalancerDescriptions'),
    );
    const names = descriptions.flatMap(d => texts(d, 'LoadBalancerName'));
    expect(names).toEqual(
      region.classicLoadBalancers.map(lb => lb.loadBalancerName),
    );
    expect(texts(descriptions.join(''), 'LoadBalancerPort')).toEqual(
      region.classicLoadBalancers.flatMap(lb =>
        lb.listeners.map(l => String(l.loadBalancerPort)),
      ),
    );
    const registered = texts(descriptions.join(''), 'InstanceId');
    expect(registered.length).toBeGreaterThan(0);
    const instanceIds = new Set(region.instances.map(i => i.instanceId));
    expect(registered.every(id => instanceIds.has(id))).toBe(true);
  });

  it('refuses a page size beyond 400 with a Query error body', async () => {
    const { status, body } = await queryCall(fake, 'elasticloadbalancing', {
      ...CLASSIC,
      Action: 'DescribeLoadBalancers',
      PageSize: '401',
    });
    expect(status).toBe(400);
    expect(body).toMatch(
      /^<\?xml version="1.0" encoding="UTF-8"\?>\n<ErrorResponse><Error><Type>Sender<\/Type><Code>ValidationError<\/Code><Message>1 validation error detected: Value &apos;401&apos; at &apos;pageSize&apos; failed to satisfy constraint: Member must have value less than or equal to 400<\/Message><\/Error><RequestId>[0-9a-f-]{36}<\/RequestId><\/ErrorResponse>$/,
    );
  });

  it('answers the v2 API under the same signing name, told apart by Version', async () => {
    const bodies = await allPages(
      fake,
      'elasticloadbalancing',
      { ...V2, Action: 'DescribeLoadBalancers', PageSize: '5' },
      NEXT,
    );
    expect(bodies).toHaveLength(2);
    expect(bodies[0]).toContain(
      'xmlns="http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/"',
    );
    const arns = bodies.flatMap(b => texts(b, 'LoadBalancerArn'));
    const lbs = fake.aws.region('us-east-1').loadBalancers;
    expect(arns).toEqual(
      lbs.map(
        lb =>
          `arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/${
            lb.type === 'application' ? 'app' : 'net'
          }/${lb.loadBalancerName}/${lb.loadBalancerId}`,
      ),
    );

    // Listeners forward to the load balancer's target groups, whose
    // registered instances DescribeTargetHealth lists.
    const listeners = await queryCall(fake, 'elasticloadbalancing', {
      ...V2,
      Action: 'DescribeListeners',
      LoadBalancerArn: arns[0],
    });
    expect(texts(listeners.body, 'Port')).toEqual(['80', '443']);
    const forwardedTo = texts(listeners.body, 'TargetGroupArn');
    const groups = await queryCall(fake, 'elasticloadbalancing', {
      ...V2,
      Action: 'DescribeTargetGroups',
      LoadBalancerArn: arns[0],
    });
    const groupArns = texts(groups.body, 'TargetGroupArn');
    expect(groupArns).toHaveLength(lbs[0].targetGroups.length);
    expect(groupArns).toEqual(expect.arrayContaining(forwardedTo));
    expect(texts(groups.body, 'member')).toContain(arns[0]);
    const health = await queryCall(fake, 'elasticloadbalancing', {
      ...V2,
      Action: 'DescribeTargetHealth',
      TargetGroupArn: groupArns[0],
    });
    expect(health.body).toContain(
      '<DescribeTargetHealthResult><TargetHealthDescriptions><member><Target><Id>',
    );
    expect(texts(health.body, 'Id')).toEqual(
      lbs[0].targetGroups[0].targets.map(t => t.id),
    );
  });

  it('names what it cannot find, and tags at most 20 resources a call', async () => {
    const missing = await queryCall(fake, 'elasticloadbalancing', {
      ...V2,
      Action: 'DescribeTargetHealth',
      TargetGroupArn:
        'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/x/0',
    });
    expect(missing.status).toBe(400);
    expect(texts(missing.body, 'Code')).toEqual(['TargetGroupNotFound']);

    const lb = fake.aws.region('us-east-1').classicLoadBalancers[0];
    const tagged = await queryCall(fake, 'elasticloadbalancing', {
      ...CLASSIC,
      Action: 'DescribeTags',
      'LoadBalancerNames.member.1': lb.loadBalancerName,
    });
    expect(texts(tagged.body, 'Key')).toEqual(lb.tags.map(t => t.key));

    const tooMany: Record<string, string> = {
      ...CLASSIC,
      Action: 'DescribeTags',
    };
    for (let i = 1; i <= 21; i++)
      tooMany[`LoadBalancerNames.member.${i}`] = `lb-${i}`;
    const refused = await queryCall(fake, 'elasticloadbalancing', tooMany);
    expect(refused.status).toBe(400);
    expect(texts(refused.body, 'Code')).toEqual(['ValidationError']);
  });

  it('answers an unknown version or action with InvalidAction', async () => {
    const { status, body } = await queryCall(fake, 'elasticloadbalancing', {
      Version: '2011-01-01',
      Action: 'DescribeLoadBalancers',
    });
    expect(status).toBe(400);
    expect(texts(body, 'Code')).toEqual(['InvalidAction']);
  });

  it('fails, throttles and refuses credentials in the Query format', async () => {
    fake.aws.badCredentials = true;
    const refused = await queryCall(fake, 'elasticloadbalancing', {
      ...CLASSIC,
      Action: 'DescribeLoadBalancers',
    });
    expect(refused.status).toBe(403);
    expect(texts(refused.body, 'Code')).toEqual(['InvalidClientTokenId']);
    fake.aws.resetSwitches();

    fake.aws.throttleNext = 1;
    const throttled = await queryCall(fake, 'elasticloadbalancing', {
      ...CLASSIC,
      Action: 'DescribeLoadBalancers',
    });
    expect(throttled.status).toBe(503);
    expect(texts(throttled.body, 'Type')).toEqual(['Receiver']);
    expect(texts(throttled.body, 'Code')).toEqual(['RequestLimitExceeded']);

    fake.aws.failure = {
      action: 'DescribeLoadBalancers',
      afterRequests: 1,
      code: 'AccessDenied',
      status: 403,
      message:
        'User is not authorized to perform: elasticloadbalancing:DescribeLoadBalancers',
    };
    const call = () =>
      queryCall(fake, 'elasticloadbalancing', {
        ...CLASSIC,
        Action: 'DescribeLoadBalancers',
      });
    expect((await call()).status).toBe(200);
    const denied = await call();
    expect(denied.status).toBe(403);
    expect(texts(denied.body, 'Type')).toEqual(['Sender']);
    expect(texts(denied.body, 'Code')).toEqual(['AccessDenied']);
  });
});
