import { FakeCloud, startFakeCloud } from '@maestro/fake-cloud';
import { validateMaestroEntity } from '@maestro/plugin-maestro-common';
import { createNetworkListTask, NETWORK_LIST } from './ec2Tasks';
import { fakeConnection, runTask } from './__testUtils__/runTask';

jest.setTimeout(60_000);

const PAGE = 5;

describe('AWS network-list against the fake cloud', () => {
  let fake: FakeCloud;
  const task = createNetworkListTask({ pageSize: PAGE });

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
  beforeEach(() => {
    fake.aws.resetSwitches();
    fake.aws.requestCounts.clear();
  });

  it('lists every kind of network resource of a region, page by page', async () => {
    const { emitted, completed, error } = await runTask(
      task,
      fakeConnection(fake, { regions: 'eu-west-1' }),
    );
    expect(error).toBeUndefined();
    expect(completed).toEqual(['eu-west-1']);
    const region = fake.aws.region('eu-west-1');
    const got = emitted.get('eu-west-1')!;
    const ofType = (type: string) =>
      got.filter(e => e.spec!.type === type).map(e => e.metadata.name);
    expect(ofType('vpc')).toEqual(region.vpcs.map(v => v.vpcId));
    expect(ofType('subnet')).toEqual(region.subnets.map(s => s.subnetId));
    expect(ofType('vpc-peering')).toEqual(
      region.vpcPeerings.map(p => p.vpcPeeringConnectionId),
    );
    expect(ofType('vpn-gateway')).toEqual(
      region.vpnGateways.map(g => g.vpnGatewayId),
    );
    expect(ofType('vpc-endpoint')).toEqual(
      region.vpcEndpoints.map(e => e.vpcEndpointId),
    );
    expect(ofType('route-table')).toEqual(
      region.routeTables.map(t => t.routeTableId),
    );
    expect(ofType('nat-gateway')).toEqual(
      region.natGateways.map(n => n.natGatewayId),
    );
    expect(ofType('network-interface')).toEqual(
      region.networkInterfaces.map(n => n.networkInterfaceId),
    );
    expect(ofType('network-acl')).toEqual(
      region.networkAcls.map(a => a.networkAclId),
    );
    // Every paged listing walked in pages of PAGE; VPN gateways in one answer.
    const pages = (n: number) => Math.ceil(n / PAGE);
    expect(Object.fromEntries(fake.aws.requestCounts)).toEqual({
      DescribeVpcs: 1,
      DescribeSubnets: pages(region.subnets.length),
      DescribeVpcPeeringConnections: pages(region.vpcPeerings.length),
      DescribeVpnGateways: 1,
      DescribeVpcEndpoints: pages(region.vpcEndpoints.length),
      DescribeRouteTables: pages(region.routeTables.length),
      DescribeNatGateways: pages(region.natGateways.length),
      DescribeNetworkInterfaces: pages(region.networkInterfaces.length),
      DescribeNetworkAcls: pages(region.networkAcls.length),
    });
    for (const e of got) expect(validateMaestroEntity(e)).toEqual([]);
  });

  it('places each resource in its VPC or subnet, and keeps gone ones inactive', async () => {
    const { emitted } = await runTask(
      task,
      fakeConnection(fake, { regions: 'us-east-1' }),
    );
    const region = fake.aws.region('us-east-1');
    const got = new Map(
      emitted.get('us-east-1')!.map(e => [e.metadata.name, e.spec as any]),
    );
    const nat = region.natGateways[0];
    expect(got.get(nat.natGatewayId)).toMatchObject({
      network: `network:default/${nat.subnetId}`,
      status: 'Active',
      active: true,
      properties: { vpcId: nat.vpcId, publicIps: [nat.publicIp] },
    });
    const deletedNat = region.natGateways.find(n => n.state === 'deleted')!;
    expect(got.get(deletedNat.natGatewayId)).toMatchObject({ active: false });
    const deletedPeering = region.vpcPeerings.find(
      p => p.status === 'deleted',
    )!;
    expect(got.get(deletedPeering.vpcPeeringConnectionId)).toMatchObject({
      active: false,
      properties: { accepterVpcId: deletedPeering.accepterVpcId },
    });
    const eni = region.networkInterfaces[0];
    expect(got.get(eni.networkInterfaceId)).toMatchObject({
      network: `network:default/${eni.subnetId}`,
      properties: {
        instanceId: eni.instanceId,
        privateIp: eni.privateIpAddress,
      },
    });
    const main = region.routeTables[1];
    expect(got.get(main.routeTableId)).toMatchObject({
      network: `network:default/${main.vpcId}`,
      properties: { main: true },
    });
    const acl = region.networkAcls.find(a => !a.isDefault)!;
    expect(got.get(acl.networkAclId).properties).toMatchObject({
      isDefault: false,
      subnets: acl.subnetIds,
      ingress: [
        { rule: 100, protocol: '6', action: 'allow', fromPort: 443 },
        { rule: 110, fromPort: 80 },
        { rule: 32767, action: 'deny' },
      ],
    });
    const attached = region.vpnGateways[0];
    expect(got.get(attached.vpnGatewayId)).toMatchObject({
      network: `network:default/${attached.attachedVpcId}`,
    });
  });

  it('does not complete a region whose scan failed in a later listing', async () => {
    fake.aws.failure = {
      action: 'DescribeNetworkAcls',
      afterRequests: 0,
      code: 'UnauthorizedOperation',
      status: 403,
      message: 'You are not authorized to perform this operation.',
    };
    const { emitted, completed, error } = await runTask(
      task,
      fakeConnection(fake, { regions: 'us-east-1' }),
    );
    expect(completed).toEqual([]);
    // What came before the failing listing was handed over all the same.
    expect(emitted.get('us-east-1')!.length).toBeGreaterThan(0);
    expect(error).toMatchObject({
      kind: 'permission',
      permission: 'ec2:DescribeNetworkAcls',
    });
  });

  it('asks for every network permission, and pages at the APIs largest by default', async () => {
    expect(NETWORK_LIST.permissions).toEqual([
      'ec2:DescribeRegions',
      'ec2:DescribeVpcs',
      'ec2:DescribeSubnets',
      'ec2:DescribeVpcPeeringConnections',
      'ec2:DescribeVpnGateways',
      'ec2:DescribeVpcEndpoints',
      'ec2:DescribeRouteTables',
      'ec2:DescribeNatGateways',
      'ec2:DescribeNetworkInterfaces',
      'ec2:DescribeNetworkAcls',
    ]);
    expect(NETWORK_LIST.defaultInterval).toEqual({ every: 7, period: 'days' });
    const { completed } = await runTask(
      NETWORK_LIST,
      fakeConnection(fake, { regions: 'us-east-1' }),
    );
    expect(completed).toEqual(['us-east-1']);
    // 40 instances' interfaces and the rest fit one page each.
    expect(new Set(fake.aws.requestCounts.values())).toEqual(new Set([1]));
    expect(fake.aws.requestCounts.size).toBe(9);
  });
});
