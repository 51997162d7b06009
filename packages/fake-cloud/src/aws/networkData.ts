/**
 * Generated network resources of a region beyond VPCs, subnets and security
 * groups: peerings, VPN gateways, endpoints, route tables, NAT gateways,
 * network interfaces and network ACLs, wired to the region's VPCs, subnets
 * and instances as an account has them.
 */
import type {
  FakeInstance,
  FakeSecurityGroup,
  FakeSubnet,
  FakeTag,
  FakeVpc,
} from './awsData';
import { BASE_TIME, hexId } from './generation';
import { FakeNetworkAcl, generateNetworkAcls } from './networkAclData';

export * from './networkAclData';

export interface FakeVpcPeering {
  vpcPeeringConnectionId: string;
  requesterVpcId: string;
  accepterVpcId: string;
  /** `deleted` ones stay listed for a while, as AWS shows them. */
  status: 'active' | 'pending-acceptance' | 'deleted';
  tags: FakeTag[];
}

export interface FakeVpnGateway {
  vpnGatewayId: string;
  state: 'available';
  attachedVpcId?: string;
  amazonSideAsn: number;
  tags: FakeTag[];
}

export interface FakeVpcEndpoint {
  vpcEndpointId: string;
  type: 'Gateway' | 'Interface';
  vpcId: string;
  serviceName: string;
  state: 'available';
  routeTableIds: string[];
  subnetIds: string[];
  securityGroups: Array<{ groupId: string; groupName: string }>;
  networkInterfaceIds: string[];
  dnsNames: string[];
  creationTimestamp: string;
  tags: FakeTag[];
}

export interface FakeRoute {
  destinationCidrBlock: string;
  gatewayId?: string;
  natGatewayId?: string;
  vpcPeeringConnectionId?: string;
}

export interface FakeRouteTable {
  routeTableId: string;
  vpcId: string;
  main: boolean;
  subnetIds: string[];
  routes: FakeRoute[];
  tags: FakeTag[];
}

export interface FakeNatGateway {
  natGatewayId: string;
  vpcId: string;
  subnetId: string;
  state: 'available' | 'deleted';
  allocationId: string;
  publicIp: string;
  privateIp: string;
  networkInterfaceId: string;
  createTime: string;
  tags: FakeTag[];
}

export interface FakeNetworkInterface {
  networkInterfaceId: string;
  interfaceType: 'interface' | 'nat_gateway' | 'vpc_endpoint';
  vpcId: string;
  subnetId: string;
  availabilityZone: string;
  privateIpAddress: string;
  publicIp?: string;
  macAddress: string;
  description: string;
  /** The instance it is attached to (instances' primary interfaces). */
  instanceId?: string;
  securityGroups: Array<{ groupId: string; groupName: string }>;
  requesterManaged: boolean;
  tags: FakeTag[];
}

export interface FakeAwsNetworks {
  vpcPeerings: FakeVpcPeering[];
  vpnGateways: FakeVpnGateway[];
  vpcEndpoints: FakeVpcEndpoint[];
  routeTables: FakeRouteTable[];
  natGateways: FakeNatGateway[];
  networkInterfaces: FakeNetworkInterface[];
  networkAcls: FakeNetworkAcl[];
}

const INTERFACE_SERVICES = ['sqs', 'ssm', 'ecr.api', 'logs'];

const mac = (regionIndex: number, n: number) =>
  `02:${regionIndex.toString(16).padStart(2, '0')}:${[16, 8, 0]
    .map(shift => ((n >> shift) & 255).toString(16).padStart(2, '0'))
    .join(':')}:01`;

/** An address near the top of a subnet's /20, clear of the instances' ones. */
const reservedIp = (subnet: FakeSubnet, n: number) => {
  const [a, b, c] = subnet.cidrBlock.split('.');
  return `${a}.${b}.${Number(c) + 15}.${(n % 250) + 4}`;
};

/**
 * `count` of each kind (peerings, VPN gateways, endpoints, NAT gateways,
 * custom route tables and ACLs); a main route table and a default ACL per
 * VPC; a network interface per live instance, NAT gateway and interface
 * endpoint.
 */
export function generateAwsNetworks(
  region: string,
  regionIndex: number,
  ec2: {
    instances: FakeInstance[];
    vpcs: FakeVpc[];
    subnets: FakeSubnet[];
    securityGroups: FakeSecurityGroup[];
  },
  count: number,
): FakeAwsNetworks {
  const [defaultVpc, prodVpc] = ec2.vpcs;
  const prodSubnets = ec2.subnets.filter(s => s.vpcId === prodVpc.vpcId);
  const prodGroups = ec2.securityGroups.filter(g => g.vpcId === prodVpc.vpcId);
  const name = (value: string) => [{ key: 'Name', value }];
  const range = (n: number) => Array.from({ length: n }, (_, i) => i);

  const vpcPeerings: FakeVpcPeering[] = range(count).map(i => ({
    vpcPeeringConnectionId: hexId('pcx', regionIndex, i),
    requesterVpcId: defaultVpc.vpcId,
    accepterVpcId: prodVpc.vpcId,
    status: ['active', 'active', 'active', 'pending-acceptance', 'deleted'][
      i % 5
    ] as FakeVpcPeering['status'],
    tags: name(`default-to-prod-${i}`),
  }));

  // A VPC takes one VPN gateway at most: the first two are attached.
  const vpnGateways: FakeVpnGateway[] = range(count).map(i => ({
    vpnGatewayId: hexId('vgw', regionIndex, i),
    state: 'available',
    attachedVpcId: [prodVpc.vpcId, defaultVpc.vpcId][i],
    amazonSideAsn: 64512 + i,
    tags: name(`${region}-vpn-${i}`),
  }));

  const natGateways: FakeNatGateway[] = range(count).map(i => {
    const subnet = prodSubnets[i % prodSubnets.length];
    return {
      natGatewayId: hexId('nat', regionIndex, i),
      vpcId: prodVpc.vpcId,
      subnetId: subnet.subnetId,
      state: i % 5 === 4 ? 'deleted' : 'available',
      allocationId: hexId('eipalloc', regionIndex, i),
      publicIp: `3.${regionIndex}.${(i >> 8) & 255}.${i & 255}`,
      privateIp: reservedIp(subnet, i),
      networkInterfaceId: hexId('eni', regionIndex, 800000 + i),
      createTime: new Date(BASE_TIME + i * 60000).toISOString(),
      tags: name(`${subnet.availabilityZone}-nat-${i}`),
    };
  });
  const liveNats = natGateways.filter(n => n.state === 'available');

  const mainTables: FakeRouteTable[] = ec2.vpcs.map((vpc, v) => ({
    routeTableId: hexId('rtb', regionIndex, v),
    vpcId: vpc.vpcId,
    main: true,
    subnetIds: [],
    routes: [
      { destinationCidrBlock: vpc.cidrBlock, gatewayId: 'local' },
      {
        destinationCidrBlock: '0.0.0.0/0',
        gatewayId: hexId('igw', regionIndex, v),
      },
    ],
    tags: name(`${vpc.tags[0]?.value ?? vpc.vpcId}-main`),
  }));
  const customTables: FakeRouteTable[] = range(count).map(i => {
    const nat = liveNats.length ? liveNats[i % liveNats.length] : undefined;
    const peering = vpcPeerings.find(p => p.status === 'active');
    return {
      routeTableId: hexId('rtb', regionIndex, 100 + i),
      vpcId: prodVpc.vpcId,
      main: false,
      // A subnet has one route table: the first ones take one each.
      subnetIds: i < prodSubnets.length ? [prodSubnets[i].subnetId] : [],
      routes: [
        { destinationCidrBlock: prodVpc.cidrBlock, gatewayId: 'local' },
        nat
          ? {
              destinationCidrBlock: '0.0.0.0/0',
              natGatewayId: nat.natGatewayId,
            }
          : {
              destinationCidrBlock: '0.0.0.0/0',
              gatewayId: hexId('igw', regionIndex, 1),
            },
        ...(peering && i === 0
          ? [
              {
                destinationCidrBlock: defaultVpc.cidrBlock,
                vpcPeeringConnectionId: peering.vpcPeeringConnectionId,
              },
            ]
          : []),
      ],
      tags: name(`prod-private-${i}`),
    };
  });

  const vpcEndpoints: FakeVpcEndpoint[] = range(count).map(i => {
    const id = hexId('vpce', regionIndex, i);
    if (i % 2 === 0) {
      return {
        vpcEndpointId: id,
        type: 'Gateway',
        vpcId: prodVpc.vpcId,
        serviceName: `com.amazonaws.${region}.s3`,
        state: 'available',
        routeTableIds: [mainTables[1].routeTableId],
        subnetIds: [],
        securityGroups: [],
        networkInterfaceIds: [],
        dnsNames: [],
        creationTimestamp: new Date(BASE_TIME + i * 1000).toISOString(),
        tags: name(`s3-${i}`),
      };
    }
    const service = INTERFACE_SERVICES[(i >> 1) % INTERFACE_SERVICES.length];
    const subnets = prodSubnets.slice(0, 2);
    return {
      vpcEndpointId: id,
      type: 'Interface',
      vpcId: prodVpc.vpcId,
      serviceName: `com.amazonaws.${region}.${service}`,
      state: 'available',
      routeTableIds: [],
      subnetIds: subnets.map(s => s.subnetId),
      securityGroups: prodGroups
        .slice(0, 1)
        .map(g => ({ groupId: g.groupId, groupName: g.groupName })),
      networkInterfaceIds: subnets.map((_, s) =>
        hexId('eni', regionIndex, 900000 + i * 10 + s),
      ),
      dnsNames: [`${id}.${service}.${region}.vpce.amazonaws.com`],
      creationTimestamp: new Date(BASE_TIME + i * 1000).toISOString(),
      tags: name(`${service}-${i}`),
    };
  });

  const networkInterfaces: FakeNetworkInterface[] = [
    ...ec2.instances
      .filter(i => i.state !== 'terminated')
      .map((instance, n) => ({
        networkInterfaceId: hexId('eni', regionIndex, n),
        interfaceType: 'interface' as const,
        vpcId: instance.vpcId,
        subnetId: instance.subnetId,
        availabilityZone: instance.availabilityZone,
        privateIpAddress: instance.privateIpAddress,
        publicIp: instance.publicIpAddress,
        macAddress: mac(regionIndex, n),
        description: 'Primary network interface',
        instanceId: instance.instanceId,
        securityGroups: instance.securityGroups,
        requesterManaged: false,
        tags: [],
      })),
    ...liveNats.map(nat => ({
      networkInterfaceId: nat.networkInterfaceId,
      interfaceType: 'nat_gateway' as const,
      vpcId: nat.vpcId,
      subnetId: nat.subnetId,
      availabilityZone: prodSubnets.find(s => s.subnetId === nat.subnetId)!
        .availabilityZone,
      privateIpAddress: nat.privateIp,
      publicIp: nat.publicIp,
      macAddress: mac(regionIndex, 800000 + natGateways.indexOf(nat)),
      description: `Interface for NAT Gateway ${nat.natGatewayId}`,
      securityGroups: [],
      requesterManaged: true,
      tags: [],
    })),
    ...vpcEndpoints.flatMap((endpoint, e) =>
      endpoint.networkInterfaceIds.map((eni, s) => {
        const subnet = prodSubnets.find(
          x => x.subnetId === endpoint.subnetIds[s],
        )!;
        return {
          networkInterfaceId: eni,
          interfaceType: 'vpc_endpoint' as const,
          vpcId: endpoint.vpcId,
          subnetId: subnet.subnetId,
          availabilityZone: subnet.availabilityZone,
          privateIpAddress: reservedIp(subnet, 200 + s),
          macAddress: mac(regionIndex, 900000 + e * 10 + s),
          description: `VPC Endpoint Interface ${endpoint.vpcEndpointId}`,
          securityGroups: endpoint.securityGroups,
          requesterManaged: true,
          tags: [],
        };
      }),
    ),
  ];

  const networkAcls = generateNetworkAcls(regionIndex, ec2, count);

  return {
    vpcPeerings,
    vpnGateways,
    vpcEndpoints,
    routeTables: [...mainTables, ...customTables],
    natGateways,
    networkInterfaces,
    networkAcls,
  };
}
