import {
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
  translateSecurityGroup,
  translateSubnet,
  translateVpc,
} from '../translate/network';
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

export const NETWORK_LIST: DiscoveryTask = ec2Task({
  name: 'network-list',
  description: 'VPCs and subnets',
  listings: [
    {
      permission: 'ec2:DescribeVpcs',
      pages: client => paginateDescribeVpcs({ client, pageSize: 1000 }, {}),
      translate: (page: DescribeVpcsCommandOutput, context) =>
        (page.Vpcs ?? []).map(v => translateVpc(v, context)),
    },
    {
      permission: 'ec2:DescribeSubnets',
      pages: client => paginateDescribeSubnets({ client, pageSize: 1000 }, {}),
      translate: (page: DescribeSubnetsCommandOutput, context) =>
        (page.Subnets ?? []).map(s => translateSubnet(s, context)),
    },
  ],
});

export const EC2_TASKS = [
  SERVER_LIST,
  VOLUMES_LIST,
  SNAPSHOT_LIST,
  IMAGES_LIST,
  SECURITY_LIST,
  NETWORK_LIST,
];
