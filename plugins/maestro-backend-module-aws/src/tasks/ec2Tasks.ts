import {
  DescribeNatGatewaysCommandOutput,
  DescribeNetworkAclsCommandOutput,
  DescribeNetworkInterfacesCommandOutput,
  DescribeRouteTablesCommandOutput,
  DescribeVpcEndpointsCommandOutput,
  DescribeVpcPeeringConnectionsCommandOutput,
  DescribeVpnGatewaysCommand,
  DescribeVpnGatewaysCommandOutput,
  paginateDescribeNatGateways,
  paginateDescribeNetworkAcls,
  paginateDescribeNetworkInterfaces,
  paginateDescribeRouteTables,
  paginateDescribeVpcEndpoints,
  paginateDescribeVpcPeeringConnections,
  DescribeImagesCommandOutput,
  DescribeInstancesCommandOutput,
  DescribeSecurityGroupsCommandOutput,
  DescribeSnapshotsCommandOutput,
  DescribeSubnetsCommandOutput,
  DescribeVolumesCommandOutput,
  DescribeVpcsCommandOutput,
  paginateDescribeImages,
  paginateDescribeInstances,
  paginateDescribeSecurityGroups,
  paginateDescribeSnapshots,
  paginateDescribeSubnets,
  paginateDescribeVolumes,
  paginateDescribeVpcs,
} from '@aws-sdk/client-ec2';
import { DiscoveryTask } from '@maestro/plugin-maestro-node';
import { translateInstance } from '../translate/instance';
import {
  translateImage,
  translateSnapshot,
  translateVolume,
} from '../translate/storage';
import {
  translateNetworkAcl,
  translateRouteTable,
  translateSecurityGroup,
  translateSubnet,
  translateVpc,
} from '../translate/network';
import {
  translateNatGateway,
  translateNetworkInterface,
  translateVpcEndpoint,
  translateVpcPeering,
  translateVpnGateway,
} from '../translate/networkConnections';
import { ec2Task } from './ec2Task';

/**
 * Instances per DescribeInstances page. Small pages keep each synchronous
 * XML parse short, so a sync never holds the backend's event loop for long.
 */
export const INSTANCES_PAGE_SIZE = 200;

export const SERVER_LIST: DiscoveryTask = ec2Task({
  name: 'server-list',
  description: 'EC2 instances in every state',
  listings: [
    {
      permission: 'ec2:DescribeInstances',
      pages: client =>
        paginateDescribeInstances(
          { client, pageSize: INSTANCES_PAGE_SIZE },
          {},
        ),
      translate: (page: DescribeInstancesCommandOutput, context) =>
        (page.Reservations ?? []).flatMap(r =>
          (r.Instances ?? []).map(i => translateInstance(i, context)),
        ),
    },
  ],
});

export const VOLUMES_LIST: DiscoveryTask = ec2Task({
  name: 'volumes-list',
  description: 'EBS volumes and the servers they are attached to',
  listings: [
    {
      permission: 'ec2:DescribeVolumes',
      pages: client => paginateDescribeVolumes({ client, pageSize: 200 }, {}),
      translate: (page: DescribeVolumesCommandOutput, context) =>
        (page.Volumes ?? []).map(v => translateVolume(v, context)),
    },
  ],
});

export const SNAPSHOT_LIST: DiscoveryTask = ec2Task({
  name: 'snapshot-list',
  description: 'EBS snapshots the account owns',
  listings: [
    {
      permission: 'ec2:DescribeSnapshots',
      pages: client =>
        paginateDescribeSnapshots(
          { client, pageSize: 1000 },
          { OwnerIds: ['self'] },
        ),
      translate: (page: DescribeSnapshotsCommandOutput, context) =>
        (page.Snapshots ?? []).map(s => translateSnapshot(s, context)),
    },
  ],
});

export const IMAGES_LIST: DiscoveryTask = ec2Task({
  name: 'images-list',
  description: 'AMIs the account owns',
  listings: [
    {
      permission: 'ec2:DescribeImages',
      pages: client =>
        paginateDescribeImages(
          { client, pageSize: 1000 },
          { Owners: ['self'] },
        ),
      translate: (page: DescribeImagesCommandOutput, context) =>
        (page.Images ?? []).map(i => translateImage(i, context)),
    },
  ],
});

export const SECURITY_LIST: DiscoveryTask = ec2Task({
  name: 'security-list',
  description: 'Security groups',
  listings: [
    {
      permission: 'ec2:DescribeSecurityGroups',
      pages: client =>
        paginateDescribeSecurityGroups({ client, pageSize: 1000 }, {}),
      translate: (page: DescribeSecurityGroupsCommandOutput, context) =>
        (page.SecurityGroups ?? []).map(g =>
          translateSecurityGroup(g, context),
        ),
    },
  ],
});

/**
 * VPCs, subnets and what connects and routes them. Page sizes are the
 * APIs' largest, or `pageSize` when smaller (tests walk many pages).
 */
export function createNetworkListTask(
  opts: { pageSize?: number } = {},
): DiscoveryTask {
  const size = (max: number) => Math.min(max, opts.pageSize ?? max);
  return ec2Task({
    name: 'network-list',
    description:
      'VPCs, subnets, peerings, VPN gateways, endpoints, route tables, NAT gateways, network interfaces and ACLs',
    listings: [
      {
        permission: 'ec2:DescribeVpcs',
        pages: client =>
          paginateDescribeVpcs({ client, pageSize: size(1000) }, {}),
        translate: (page: DescribeVpcsCommandOutput, context) =>
          (page.Vpcs ?? []).map(v => translateVpc(v, context)),
      },
      {
        permission: 'ec2:DescribeSubnets',
        pages: client =>
          paginateDescribeSubnets({ client, pageSize: size(1000) }, {}),
        translate: (page: DescribeSubnetsCommandOutput, context) =>
          (page.Subnets ?? []).map(s => translateSubnet(s, context)),
      },
      {
        permission: 'ec2:DescribeVpcPeeringConnections',
        pages: client =>
          paginateDescribeVpcPeeringConnections(
            { client, pageSize: size(1000) },
            {},
          ),
        translate: (
          page: DescribeVpcPeeringConnectionsCommandOutput,
          context,
        ) =>
          (page.VpcPeeringConnections ?? []).map(p =>
            translateVpcPeering(p, context),
          ),
      },
      {
        permission: 'ec2:DescribeVpnGateways',
        // The one listing EC2 does not page: every gateway in one answer.
        async *pages(client) {
          yield await client.send(new DescribeVpnGatewaysCommand({}));
        },
        translate: (page: DescribeVpnGatewaysCommandOutput, context) =>
          (page.VpnGateways ?? []).map(g => translateVpnGateway(g, context)),
      },
      {
        permission: 'ec2:DescribeVpcEndpoints',
        pages: client =>
          paginateDescribeVpcEndpoints({ client, pageSize: size(1000) }, {}),
        translate: (page: DescribeVpcEndpointsCommandOutput, context) =>
          (page.VpcEndpoints ?? []).map(e => translateVpcEndpoint(e, context)),
      },
      {
        permission: 'ec2:DescribeRouteTables',
        pages: client =>
          paginateDescribeRouteTables({ client, pageSize: size(100) }, {}),
        translate: (page: DescribeRouteTablesCommandOutput, context) =>
          (page.RouteTables ?? []).map(t => translateRouteTable(t, context)),
      },
      {
        permission: 'ec2:DescribeNatGateways',
        pages: client =>
          paginateDescribeNatGateways({ client, pageSize: size(1000) }, {}),
        translate: (page: DescribeNatGatewaysCommandOutput, context) =>
          (page.NatGateways ?? []).map(n => translateNatGateway(n, context)),
      },
      {
        permission: 'ec2:DescribeNetworkInterfaces',
        pages: client =>
          paginateDescribeNetworkInterfaces(
            { client, pageSize: size(1000) },
            {},
          ),
        translate: (page: DescribeNetworkInterfacesCommandOutput, context) =>
          (page.NetworkInterfaces ?? []).map(n =>
            translateNetworkInterface(n, context),
          ),
      },
      {
        permission: 'ec2:DescribeNetworkAcls',
        pages: client =>
          paginateDescribeNetworkAcls({ client, pageSize: size(100) }, {}),
        translate: (page: DescribeNetworkAclsCommandOutput, context) =>
          (page.NetworkAcls ?? []).map(a => translateNetworkAcl(a, context)),
      },
    ],
  });
}

export const NETWORK_LIST: DiscoveryTask = createNetworkListTask();

export const EC2_TASKS = [
  SERVER_LIST,
  VOLUMES_LIST,
  SNAPSHOT_LIST,
  IMAGES_LIST,
  SECURITY_LIST,
  NETWORK_LIST,
];
