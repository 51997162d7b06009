import { FakeInstance, INSTANCE_STATE_CODES } from './awsData';
import { XmlNode } from './xml';
import { Ec2Handler, filters, page, respond, tagSet } from './ec2Wire';
import { EC2_NETWORK_ACTIONS } from './ec2Network';

export { AwsError, EC2_XMLNS, ec2ErrorBody } from './ec2Wire';

function instanceXml(i: FakeInstance, region: string): XmlNode {
  return {
    instanceId: i.instanceId,
    imageId: i.imageId,
    instanceState: { code: INSTANCE_STATE_CODES[i.state], name: i.state },
    privateDnsName: `ip-${i.privateIpAddress.replace(
      /\./g,
      '-',
    )}.${region}.compute.internal`,
    dnsName: i.publicIpAddress
      ? `ec2-${i.publicIpAddress.replace(/\./g, '-')}.compute-1.amazonaws.com`
      : '',
    keyName: i.keyName,
    amiLaunchIndex: 0,
    instanceType: i.instanceType,
    launchTime: i.launchTime,
    placement: {
      availabilityZone: i.availabilityZone,
      groupName: '',
      tenancy: 'default',
    },
    monitoring: { state: 'disabled' },
    subnetId: i.state === 'terminated' ? undefined : i.subnetId,
    vpcId: i.state === 'terminated' ? undefined : i.vpcId,
    privateIpAddress: i.state === 'terminated' ? undefined : i.privateIpAddress,
    ipAddress: i.publicIpAddress,
    groupSet: i.securityGroups,
    architecture: i.architecture,
    rootDeviceType: 'ebs',
    rootDeviceName: i.rootDeviceName,
    blockDeviceMapping: i.blockDevices.map(b => ({
      deviceName: b.deviceName,
      ebs: {
        volumeId: b.volumeId,
        status: 'attached',
        attachTime: i.launchTime,
        deleteOnTermination: b.deviceName === i.rootDeviceName,
      },
    })),
    virtualizationType: 'hvm',
    tagSet: i.tags.length ? tagSet(i.tags) : undefined,
    hypervisor: 'xen',
    ebsOptimized: false,
    platformDetails: i.platformDetails,
  };
}

/** The EC2 actions the fake serves, after the EC2 API reference. */
export const EC2_ACTIONS: Record<string, Ec2Handler> = {
  ...EC2_NETWORK_ACTIONS,
  DescribeRegions(_region, _params, ctx) {
    return respond('DescribeRegions', ctx.requestId, {
      regionInfo: ctx.regions.map(name => ({
        regionName: name,
        regionEndpoint: `ec2.${name}.amazonaws.com`,
        optInStatus: 'opt-in-not-required',
      })),
    });
  },
  DescribeInstances(region, params, ctx) {
    const states = filters(params).get('instance-state-name');
    const matching = states
      ? region.instances.filter(i => states.includes(i.state))
      : region.instances;
    // Without MaxResults or NextToken the call is unpaginated, as in EC2:
    // every matching instance in one answer (callers that never page, such
    // as the Backstage community's EC2 provider, rely on it).
    const paged = params.has('MaxResults') || params.has('NextToken');
    const { items, nextToken } = paged
      ? page(matching, params, { min: 5, max: 1000, defaultSize: 1000 })
      : { items: matching, nextToken: undefined };
    // One reservation per instance, as launches one by one produce.
    return respond('DescribeInstances', ctx.requestId, {
      reservationSet: items.map(i => ({
        reservationId: `r-${i.instanceId.slice(2)}`,
        ownerId: ctx.accountId,
        groupSet: [],
        instancesSet: [instanceXml(i, region.name)],
      })),
      nextToken,
    });
  },
  DescribeVolumes(region, params, ctx) {
    const { items, nextToken } = page(region.volumes, params, {
      min: 5,
      max: 500,
      defaultSize: 500,
    });
    return respond('DescribeVolumes', ctx.requestId, {
      volumeSet: items.map(v => ({
        volumeId: v.volumeId,
        size: v.size,
        snapshotId: v.snapshotId,
        availabilityZone: v.availabilityZone,
        status: v.attachment ? 'in-use' : 'available',
        createTime: v.createTime,
        attachmentSet: v.attachment
          ? [
              {
                volumeId: v.volumeId,
                instanceId: v.attachment.instanceId,
                device: v.attachment.device,
                status: 'attached',
                attachTime: v.createTime,
                deleteOnTermination: v.attachment.device === '/dev/xvda',
              },
            ]
          : [],
        volumeType: v.volumeType,
        iops: v.iops,
        encrypted: v.encrypted,
        multiAttachEnabled: false,
        tagSet: v.tags.length ? tagSet(v.tags) : undefined,
      })),
      nextToken,
    });
  },
  DescribeSnapshots(region, params, ctx) {
    const { items, nextToken } = page(region.snapshots, params, {
      min: 5,
      max: 1000,
      defaultSize: 1000,
    });
    return respond('DescribeSnapshots', ctx.requestId, {
      snapshotSet: items.map(s => ({
        snapshotId: s.snapshotId,
        volumeId: s.volumeId,
        status: 'completed',
        startTime: s.startTime,
        progress: '100%',
        ownerId: ctx.accountId,
        volumeSize: s.volumeSize,
        description: s.description,
        encrypted: s.encrypted,
        storageTier: 'standard',
        tagSet: s.tags.length ? tagSet(s.tags) : undefined,
      })),
      nextToken,
    });
  },
  DescribeImages(region, params, ctx) {
    const { items, nextToken } = page(region.images, params, {
      min: 1,
      max: 1000,
      defaultSize: 1000,
    });
    return respond('DescribeImages', ctx.requestId, {
      imagesSet: items.map(i => ({
        imageId: i.imageId,
        imageLocation: `${ctx.accountId}/${i.name}`,
        imageState: 'available',
        imageOwnerId: ctx.accountId,
        creationDate: i.creationDate,
        isPublic: false,
        architecture: i.architecture,
        imageType: 'machine',
        platformDetails: i.platformDetails,
        usageOperation: 'RunInstances',
        name: i.name,
        description: i.description,
        rootDeviceType: 'ebs',
        rootDeviceName: i.rootDeviceName,
        blockDeviceMapping: [
          {
            deviceName: i.rootDeviceName,
            ebs: {
              snapshotId: i.snapshotId,
              volumeSize: 8,
              deleteOnTermination: true,
              volumeType: 'gp3',
              encrypted: false,
            },
          },
        ],
        virtualizationType: 'hvm',
        hypervisor: 'xen',
        tagSet: i.tags.length ? tagSet(i.tags) : undefined,
      })),
      nextToken,
    });
  },
  DescribeSecurityGroups(region, params, ctx) {
    const { items, nextToken } = page(region.securityGroups, params, {
      min: 5,
      max: 1000,
      defaultSize: 1000,
    });
    return respond('DescribeSecurityGroups', ctx.requestId, {
      securityGroupInfo: items.map(g => ({
        ownerId: ctx.accountId,
        groupId: g.groupId,
        groupName: g.groupName,
        groupDescription: g.description,
        vpcId: g.vpcId,
        ipPermissions: g.ingressPorts.map(port => ({
          ipProtocol: 'tcp',
          fromPort: port,
          toPort: port,
          groups: [],
          ipRanges: [{ cidrIp: '0.0.0.0/0' }],
          ipv6Ranges: [],
          prefixListIds: [],
        })),
        ipPermissionsEgress: [
          {
            ipProtocol: '-1',
            groups: [],
            ipRanges: [{ cidrIp: '0.0.0.0/0' }],
            ipv6Ranges: [],
            prefixListIds: [],
          },
        ],
        tagSet: g.tags.length ? tagSet(g.tags) : undefined,
      })),
      nextToken,
    });
  },
  DescribeVpcs(region, params, ctx) {
    const { items, nextToken } = page(region.vpcs, params, {
      min: 5,
      max: 1000,
      defaultSize: 1000,
    });
    return respond('DescribeVpcs', ctx.requestId, {
      vpcSet: items.map(v => ({
        vpcId: v.vpcId,
        ownerId: ctx.accountId,
        state: 'available',
        cidrBlock: v.cidrBlock,
        cidrBlockAssociationSet: [
          {
            cidrBlock: v.cidrBlock,
            associationId: `vpc-cidr-assoc-${v.vpcId.slice(4)}`,
            cidrBlockState: { state: 'associated' },
          },
        ],
        dhcpOptionsId: 'dopt-19edf471',
        instanceTenancy: 'default',
        isDefault: v.isDefault,
        tagSet: v.tags.length ? tagSet(v.tags) : undefined,
      })),
      nextToken,
    });
  },
  DescribeSubnets(region, params, ctx) {
    const { items, nextToken } = page(region.subnets, params, {
      min: 5,
      max: 1000,
      defaultSize: 1000,
    });
    return respond('DescribeSubnets', ctx.requestId, {
      subnetSet: items.map(s => ({
        subnetId: s.subnetId,
        subnetArn: `arn:aws:ec2:${region.name}:${ctx.accountId}:subnet/${s.subnetId}`,
        state: 'available',
        ownerId: ctx.accountId,
        vpcId: s.vpcId,
        cidrBlock: s.cidrBlock,
        ipv6CidrBlockAssociationSet: [],
        availableIpAddressCount: s.availableIpAddressCount,
        availabilityZone: s.availabilityZone,
        defaultForAz: false,
        mapPublicIpOnLaunch: false,
        assignIpv6AddressOnCreation: false,
        tagSet: s.tags.length ? tagSet(s.tags) : undefined,
      })),
      nextToken,
    });
  },
};
