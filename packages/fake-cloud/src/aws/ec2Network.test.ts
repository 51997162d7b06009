import { FakeCloud, startFakeCloud } from '../FakeCloud';
import { allPages, blocks, queryCall, texts } from './services/queryTestClient';

const EC2 = { Version: '2016-11-15' };
const TOKEN = { request: 'NextToken', response: 'nextToken' };

describe('fake EC2 network actions', () => {
  let fake: FakeCloud;
  beforeAll(async () => {
    fake = await startFakeCloud({
      aws: {
        regions: ['us-east-1'],
        instancesPerRegion: 30,
        servicesPerRegion: 6,
      },
    });
  });
  afterAll(() => fake.close());

  it('pages network interfaces: one per live instance, NAT gateway and interface endpoint', async () => {
    const bodies = await allPages(
      fake,
      'ec2',
      { ...EC2, Action: 'DescribeNetworkInterfaces', MaxResults: '5' },
      TOKEN,
    );
    const region = fake.aws.region('us-east-1');
    const ids = bodies.flatMap(b => texts(b, 'networkInterfaceId'));
    expect(ids).toEqual(
      region.networkInterfaces.map(n => n.networkInterfaceId),
    );
    expect(bodies).toHaveLength(Math.ceil(ids.length / 5));
    const live = region.instances.filter(i => i.state !== 'terminated');
    const attached = bodies.flatMap(b => texts(b, 'instanceId'));
    expect(attached).toEqual(live.map(i => i.instanceId));
    expect(bodies.join('')).toContain(
      '<interfaceType>nat_gateway</interfaceType>',
    );
    expect(bodies.join('')).toContain(
      '<interfaceType>vpc_endpoint</interfaceType>',
    );
  });

  it('associates every subnet with exactly one route table and one network ACL', async () => {
    const region = fake.aws.region('us-east-1');
    const tables = await allPages(
      fake,
      'ec2',
      { ...EC2, Action: 'DescribeRouteTables', MaxResults: '5' },
      TOKEN,
    );
    expect(tables).toHaveLength(2);
    const tableSubnets = tables.flatMap(b => texts(b, 'subnetId'));
    expect(new Set(tableSubnets).size).toBe(tableSubnets.length);
    expect(tables.join('')).toContain('<main>true</main>');
    const acls = await allPages(
      fake,
      'ec2',
      { ...EC2, Action: 'DescribeNetworkAcls', MaxResults: '5' },
      TOKEN,
    );
    const aclSubnets = acls.flatMap(b => texts(b, 'subnetId')).sort();
    expect(aclSubnets).toEqual(region.subnets.map(s => s.subnetId).sort());
    const entries = blocks(acls[0], 'entrySet')[0];
    expect(texts(entries, 'ruleNumber')).toContain('32767');
  });

  it('lists peerings, NAT gateways and endpoints in their EC2 shapes', async () => {
    const region = fake.aws.region('us-east-1');
    const peerings = await queryCall(fake, 'ec2', {
      ...EC2,
      Action: 'DescribeVpcPeeringConnections',
    });
    expect(peerings.body).toContain(
      '<DescribeVpcPeeringConnectionsResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/">',
    );
    expect(texts(peerings.body, 'code')).toEqual(
      region.vpcPeerings.map(p => p.status),
    );
    const nats = await queryCall(fake, 'ec2', {
      ...EC2,
      Action: 'DescribeNatGateways',
    });
    expect(texts(nats.body, 'publicIp')).toEqual(
      region.natGateways.map(n => n.publicIp),
    );
    const endpoints = await queryCall(fake, 'ec2', {
      ...EC2,
      Action: 'DescribeVpcEndpoints',
    });
    expect(texts(endpoints.body, 'vpcEndpointType')).toEqual([
      'Gateway',
      'Interface',
      'Gateway',
      'Interface',
      'Gateway',
      'Interface',
    ]);
    // DescribeVpnGateways does not page: every gateway in one answer.
    const vpn = await queryCall(fake, 'ec2', {
      ...EC2,
      Action: 'DescribeVpnGateways',
    });
    expect(texts(vpn.body, 'vpnGatewayId')).toHaveLength(6);
    expect(texts(vpn.body, 'state')).toEqual([
      'available',
      'attached',
      'available',
      'attached',
      'available',
      'available',
      'available',
      'available',
    ]);
  });

  it('keeps MaxResults of route tables between 5 and 100', async () => {
    const { status, body } = await queryCall(fake, 'ec2', {
      ...EC2,
      Action: 'DescribeRouteTables',
      MaxResults: '101',
    });
    expect(status).toBe(400);
    expect(texts(body, 'Code')).toEqual(['InvalidParameterValue']);
  });
});
