import { FakeCloud, startFakeCloud } from '../../FakeCloud';
import { allPages, blocks, queryCall, texts } from './queryTestClient';

const ASG = { Version: '2011-01-01' };

describe('fake Auto Scaling', () => {
  let fake: FakeCloud;
  beforeAll(async () => {
    fake = await startFakeCloud({
      aws: {
        regions: ['us-east-1'],
        instancesPerRegion: 30,
        servicesPerRegion: 12,
      },
    });
  });
  afterAll(() => fake.close());

  it('pages groups by NextToken, each owning instances of the region', async () => {
    const bodies = await allPages(
      fake,
      'autoscaling',
      { ...ASG, Action: 'DescribeAutoScalingGroups', MaxRecords: '5' },
      { request: 'NextToken', response: 'NextToken' },
    );
    expect(bodies).toHaveLength(3);
    expect(bodies[0]).toContain(
      '<DescribeAutoScalingGroupsResponse xmlns="http://autoscaling.amazonaws.com/doc/2011-01-01/"><DescribeAutoScalingGroupsResult><AutoScalingGroups><member>',
    );
    const region = fake.aws.region('us-east-1');
    const names = bodies.flatMap(b => texts(b, 'AutoScalingGroupName'));
    expect(names).toEqual(
      region.autoScalingGroups.map(g => g.autoScalingGroupName),
    );
    const owned = bodies.flatMap(b =>
      texts(blocks(b, 'Instances').join(''), 'InstanceId'),
    );
    expect(owned.length).toBeGreaterThan(0);
    expect(new Set(owned).size).toBe(owned.length);
    const live = new Set(
      region.instances
        .filter(i => i.state === 'running' || i.state === 'pending')
        .map(i => i.instanceId),
    );
    expect(owned.every(id => live.has(id))).toBe(true);
    const arn = texts(bodies[0], 'AutoScalingGroupARN')[0];
    expect(arn).toMatch(
      /^arn:aws:autoscaling:us-east-1:123456789012:autoScalingGroup:[0-9a-f-]{36}:autoScalingGroupName\/asg-0$/,
    );
  });

  it('refuses a token it did not give and a page over 100', async () => {
    const token = await queryCall(fake, 'autoscaling', {
      ...ASG,
      Action: 'DescribeAutoScalingGroups',
      NextToken: 'Zm9v',
    });
    expect(token.status).toBe(400);
    expect(texts(token.body, 'Code')).toEqual(['InvalidNextToken']);
    const size = await queryCall(fake, 'autoscaling', {
      ...ASG,
      Action: 'DescribeAutoScalingGroups',
      MaxRecords: '101',
    });
    expect(texts(size.body, 'Code')).toEqual(['ValidationError']);
  });
});
