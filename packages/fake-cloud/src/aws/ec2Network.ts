import { Ec2Handler, page, respond, tagSet } from './ec2Wire';

/**
 * The EC2 network actions beyond VPCs, subnets and security groups, with
 * the MaxResults bounds of the EC2 API reference (DescribeVpnGateways
 * does not page).
 */
export const EC2_NETWORK_ACTIONS: Record<string, Ec2Handler> = {
  DescribeVpcPeeringConnections(region, params, ctx) {
    const { items, nextToken } = page(region.vpcPeerings, params, {
      min: 5,
      max: 1000,
      defaultSize: 1000,
    });
    const vpcInfo = (vpcId: string) => {
      const vpc = region.vpcs.find(v => v.vpcId === vpcId);
      return {
        cidrBlock: vpc?.cidrBlock,
        cidrBlockSet: vpc ? [{ cidrBlock: vpc.cidrBlock }] : [],
        ownerId: ctx.accountId,
        vpcId,
        region: region.name,
      };
    };
    return respond('DescribeVpcPeeringConnections', ctx.requestId, {
      vpcPeeringConnectionSet: items.map(p => ({
        accepterVpcInfo: vpcInfo(p.accepterVpcId),
        requesterVpcInfo: vpcInfo(p.requesterVpcId),
        status: {
          code: p.status,
          message: {
            active: 'Active',
            'pending-acceptance': `Pending Acceptance by ${ctx.accountId}`,
            deleted: `Deleted by ${ctx.accountId}`,
          }[p.status],
        },
        tagSet: p.tags.length ? tagSet(p.tags) : undefined,
        vpcPeeringConnectionId: p.vpcPeeringConnectionId,
      })),
      nextToken,
    });
  },
  DescribeVpnGateways(region, _params, ctx) {
    return respond('DescribeVpnGateways', ctx.requestId, {
      vpnGatewaySet: region.vpnGateways.map(g => ({
        vpnGatewayId: g.vpnGatewayId,
        state: g.state,
        type: 'ipsec.1',
        attachments: g.attachedVpcId
          ? [{ vpcId: g.attachedVpcId, state: 'attached' }]
          : [],
        amazonSideAsn: g.amazonSideAsn,
        tagSet: g.tags.length ? tagSet(g.tags) : undefined,
      })),
    });
  },
  DescribeVpcEndpoints(region, params, ctx) {
    const { items, nextToken } = page(region.vpcEndpoints, params, {
      min: 1,
      max: 1000,
      defaultSize: 1000,
    });
    return respond('DescribeVpcEndpoints', ctx.requestId, {
      vpcEndpointSet: items.map(e => ({
        vpcEndpointId: e.vpcEndpointId,
        vpcEndpointType: e.type,
        vpcId: e.vpcId,
        serviceName: e.serviceName,
        state: e.state,
        policyDocument:
          e.type === 'Gateway'
            ? '{"Version":"2008-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"*","Resource":"*"}]}'
            : undefined,
        routeTableIdSet: e.routeTableIds,
        subnetIdSet: e.subnetIds,
        groupSet: e.securityGroups,
        ipAddressType: 'ipv4',
        privateDnsEnabled: e.type === 'Interface',
        requesterManaged: false,
        networkInterfaceIdSet: e.networkInterfaceIds,
        dnsEntrySet: e.dnsNames.map(dnsName => ({
          dnsName,
          hostedZoneId: 'Z7HUB22UULQXV',
        })),
        creationTimestamp: e.creationTimestamp,
        tagSet: e.tags.length ? tagSet(e.tags) : undefined,
        ownerId: ctx.accountId,
      })),
      nextToken,
    });
  },
  DescribeRouteTables(region, params, ctx) {
    const { items, nextToken } = page(region.routeTables, params, {
      min: 5,
      max: 100,
      defaultSize: 100,
    });
    return respond('DescribeRouteTables', ctx.requestId, {
      routeTableSet: items.map(t => ({
        routeTableId: t.routeTableId,
        vpcId: t.vpcId,
        ownerId: ctx.accountId,
        routeSet: t.routes.map(r => ({
          destinationCidrBlock: r.destinationCidrBlock,
          gatewayId: r.gatewayId,
          natGatewayId: r.natGatewayId,
          vpcPeeringConnectionId: r.vpcPeeringConnectionId,
          state: 'active',
          origin: r.gatewayId === 'local' ? 'CreateRouteTable' : 'CreateRoute',
        })),
        associationSet: [
          ...(t.main
            ? [
                {
                  routeTableAssociationId: `rtbassoc-${t.routeTableId.slice(
                    4,
                  )}`,
                  routeTableId: t.routeTableId,
                  main: true,
                  associationState: { state: 'associated' },
                },
              ]
            : []),
          ...t.subnetIds.map(subnetId => ({
            routeTableAssociationId: `rtbassoc-${subnetId.slice(-17)}`,
            routeTableId: t.routeTableId,
            subnetId,
            main: false,
            associationState: { state: 'associated' },
          })),
        ],
        propagatingVgwSet: [],
        tagSet: t.tags.length ? tagSet(t.tags) : undefined,
      })),
      nextToken,
    });
  },
  DescribeNetworkInterfaces(region, params, ctx) {
    const { items, nextToken } = page(region.networkInterfaces, params, {
      min: 5,
      max: 1000,
      defaultSize: 1000,
    });
    return respond('DescribeNetworkInterfaces', ctx.requestId, {
      networkInterfaceSet: items.map(n => ({
        networkInterfaceId: n.networkInterfaceId,
        subnetId: n.subnetId,
        vpcId: n.vpcId,
        availabilityZone: n.availabilityZone,
        description: n.description,
        ownerId: ctx.accountId,
        requesterId: n.requesterManaged ? 'AROAEXAMPLEMANAGED' : undefined,
        requesterManaged: n.requesterManaged,
        status: 'in-use',
        macAddress: n.macAddress,
        privateIpAddress: n.privateIpAddress,
        privateDnsName: `ip-${n.privateIpAddress.replace(/\./g, '-')}.${
          region.name
        }.compute.internal`,
        sourceDestCheck: n.interfaceType === 'interface',
        groupSet: n.securityGroups,
        attachment: n.instanceId
          ? {
              attachmentId: `eni-attach-${n.networkInterfaceId.slice(4)}`,
              instanceId: n.instanceId,
              instanceOwnerId: ctx.accountId,
              deviceIndex: 0,
              networkCardIndex: 0,
              status: 'attached',
              attachTime: '2026-01-05T10:00:00.000Z',
              deleteOnTermination: true,
            }
          : undefined,
        association: n.publicIp
          ? {
              publicIp: n.publicIp,
              ipOwnerId: n.instanceId ? 'amazon' : ctx.accountId,
            }
          : undefined,
        tagSet: n.tags.length ? tagSet(n.tags) : undefined,
        privateIpAddressesSet: [
          {
            privateIpAddress: n.privateIpAddress,
            primary: true,
            association: n.publicIp ? { publicIp: n.publicIp } : undefined,
          },
        ],
        ipv6AddressesSet: [],
        interfaceType: n.interfaceType,
      })),
      nextToken,
    });
  },
  DescribeNatGateways(region, params, ctx) {
    const { items, nextToken } = page(region.natGateways, params, {
      min: 5,
      max: 1000,
      defaultSize: 1000,
    });
    return respond('DescribeNatGateways', ctx.requestId, {
      natGatewaySet: items.map(n => ({
        createTime: n.createTime,
        deleteTime: n.state === 'deleted' ? n.createTime : undefined,
        natGatewayAddressSet: [
          {
            allocationId: n.allocationId,
            networkInterfaceId: n.networkInterfaceId,
            privateIp: n.privateIp,
            publicIp: n.publicIp,
            isPrimary: true,
            status: n.state === 'deleted' ? 'disassociated' : 'succeeded',
          },
        ],
        natGatewayId: n.natGatewayId,
        state: n.state,
        subnetId: n.subnetId,
        vpcId: n.vpcId,
        tagSet: n.tags.length ? tagSet(n.tags) : undefined,
        connectivityType: 'public',
      })),
      nextToken,
    });
  },
  DescribeNetworkAcls(region, params, ctx) {
    const { items, nextToken } = page(region.networkAcls, params, {
      min: 5,
      max: 100,
      defaultSize: 100,
    });
    return respond('DescribeNetworkAcls', ctx.requestId, {
      networkAclSet: items.map(a => ({
        networkAclId: a.networkAclId,
        vpcId: a.vpcId,
        default: a.isDefault,
        entrySet: a.entries.map(e => ({
          ruleNumber: e.ruleNumber,
          protocol: e.protocol,
          ruleAction: e.ruleAction,
          egress: e.egress,
          cidrBlock: e.cidrBlock,
          portRange: e.portRange
            ? { from: e.portRange.from, to: e.portRange.to }
            : undefined,
        })),
        associationSet: a.subnetIds.map(subnetId => ({
          networkAclAssociationId: `aclassoc-${subnetId.slice(-17)}`,
          networkAclId: a.networkAclId,
          subnetId,
        })),
        tagSet: a.tags.length ? tagSet(a.tags) : undefined,
        ownerId: ctx.accountId,
      })),
      nextToken,
    });
  },
};
