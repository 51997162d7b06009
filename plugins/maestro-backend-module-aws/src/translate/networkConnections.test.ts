import type {
  NatGateway,
  NetworkAcl,
  NetworkInterface,
  RouteTable,
  VpcEndpoint,
  VpcPeeringConnection,
  VpnGateway,
} from '@aws-sdk/client-ec2';
import { validateMaestroEntity } from '@maestro/plugin-maestro-common';
import { translateNetworkAcl, translateRouteTable } from './network';
import {
  connectionStatus,
  translateNatGateway,
  translateNetworkInterface,
  translateVpcEndpoint,
  translateVpcPeering,
  translateVpnGateway,
} from './networkConnections';

// After the EC2 API reference's Describe* examples, as the SDK parses them.
const context = { region: 'us-east-1' };

describe('network translations', () => {
  it('makes a VPC peering a network of its requester VPC', () => {
    const peering: VpcPeeringConnection = {
      VpcPeeringConnectionId: 'pcx-111aaa111',
      RequesterVpcInfo: {
        CidrBlock: '10.0.0.0/28',
        OwnerId: '444455556666',
        VpcId: 'vpc-1a2b3c4d',
        Region: 'us-east-1',
      },
      AccepterVpcInfo: {
        CidrBlock: '10.0.1.0/28',
        OwnerId: '123456789012',
        VpcId: 'vpc-111abc45',
        Region: 'us-west-2',
      },
      Status: { Code: 'active', Message: 'Active' },
      Tags: [{ Key: 'Name', Value: 'prod-to-shared' }],
    };
    const network = translateVpcPeering(peering, context);
    expect(network).toEqual({
      apiVersion: 'maestroserver.io/v1alpha1',
      kind: 'Network',
      metadata: {
        name: 'pcx-111aaa111',
        title: 'prod-to-shared',
        labels: { Name: 'prod-to-shared' },
      },
      spec: {
        type: 'vpc-peering',
        uniqueId: 'pcx-111aaa111',
        network: 'network:default/vpc-1a2b3c4d',
        status: 'Active',
        active: true,
        properties: {
          requesterVpcId: 'vpc-1a2b3c4d',
          requesterCidr: '10.0.0.0/28',
          requesterOwnerId: '444455556666',
          requesterRegion: 'us-east-1',
          accepterVpcId: 'vpc-111abc45',
          accepterCidr: '10.0.1.0/28',
          accepterOwnerId: '123456789012',
          accepterRegion: 'us-west-2',
          statusMessage: 'Active',
        },
        datacenter: { provider: 'AWS', region: 'us-east-1' },
        tags: [{ key: 'Name', value: 'prod-to-shared' }],
      },
    });
    expect(validateMaestroEntity(network)).toEqual([]);
  });

  it('places a VPN gateway in the VPC it is attached to', () => {
    const gateway: VpnGateway = {
      VpnGatewayId: 'vgw-9a4cacf3',
      State: 'available',
      Type: 'ipsec.1',
      AmazonSideAsn: 64512,
      VpcAttachments: [
        { VpcId: 'vpc-a01106c2', State: 'detached' },
        { VpcId: 'vpc-1a2b3c4d', State: 'attached' },
      ],
    };
    const network = translateVpnGateway(gateway, context);
    expect(network.metadata.title).toBe('vgw-9a4cacf3');
    expect(network.spec).toMatchObject({
      type: 'vpn-gateway',
      network: 'network:default/vpc-1a2b3c4d',
      status: 'Active',
      properties: { vpnType: 'ipsec.1', amazonSideAsn: 64512 },
    });
    expect(
      translateVpnGateway({ ...gateway, VpcAttachments: [] }, context).spec,
    ).not.toHaveProperty('network');
  });

  it('titles an endpoint by its service when it has no Name tag', () => {
    const endpoint: VpcEndpoint = {
      VpcEndpointId: 'vpce-032a826a',
      VpcEndpointType: 'Gateway',
      VpcId: 'vpc-1a2b3c4d',
      ServiceName: 'com.amazonaws.us-east-1.s3',
      State: 'available' as any,
      RouteTableIds: ['rtb-0b2e1c4f'],
      SubnetIds: [],
      Groups: [],
      DnsEntries: [],
      CreationTimestamp: new Date('2017-09-05T20:41:28Z'),
    };
    const network = translateVpcEndpoint(endpoint, context);
    expect(network.metadata.title).toBe('com.amazonaws.us-east-1.s3');
    expect(network.spec).toMatchObject({
      type: 'vpc-endpoint',
      status: 'Active',
      network: 'network:default/vpc-1a2b3c4d',
      properties: {
        endpointType: 'Gateway',
        serviceName: 'com.amazonaws.us-east-1.s3',
        routeTables: ['rtb-0b2e1c4f'],
        subnets: [],
      },
    });
  });

  it('makes a deleted NAT gateway inactive, in its subnet', () => {
    const nat: NatGateway = {
      NatGatewayId: 'nat-05dba92075d71c408',
      SubnetId: 'subnet-847e4dc2',
      VpcId: 'vpc-1a2b3c4d',
      State: 'deleted',
      ConnectivityType: 'public',
      NatGatewayAddresses: [
        {
          AllocationId: 'eipalloc-89c620ec',
          NetworkInterfaceId: 'eni-9dec76cd',
          PrivateIp: '10.0.0.149',
          PublicIp: '198.11.222.333',
        },
      ],
      CreateTime: new Date('2015-12-01T12:26:55.983Z'),
    };
    const network = translateNatGateway(nat, context);
    expect(network.spec).toMatchObject({
      type: 'nat-gateway',
      network: 'network:default/subnet-847e4dc2',
      status: 'Stopped',
      active: false,
      properties: {
        vpcId: 'vpc-1a2b3c4d',
        publicIps: ['198.11.222.333'],
        privateIps: ['10.0.0.149'],
        networkInterfaces: ['eni-9dec76cd'],
      },
    });
  });

  it('keeps the instance of an interface, which uses TagSet for its tags', () => {
    const eni: NetworkInterface = {
      NetworkInterfaceId: 'eni-e5aa89a3',
      SubnetId: 'subnet-b61f49f0',
      VpcId: 'vpc-a01106c2',
      AvailabilityZone: 'us-east-1d',
      Description: '',
      Status: 'in-use',
      MacAddress: '02:2f:8f:b0:cf:75',
      PrivateIpAddress: '10.0.1.17',
      Association: { PublicIp: '203.0.113.12', IpOwnerId: 'amazon' },
      Attachment: {
        AttachmentId: 'eni-attach-66c4350a',
        InstanceId: 'i-1234567890abcdef0',
        DeviceIndex: 1,
        Status: 'attached',
      },
      Groups: [{ GroupName: 'default', GroupId: 'sg-8637d3e3' }],
      InterfaceType: 'interface',
      RequesterManaged: false,
      TagSet: [{ Key: 'Name', Value: 'web-eth1' }],
    };
    const network = translateNetworkInterface(eni, context);
    expect(network.metadata).toMatchObject({ title: 'web-eth1' });
    expect(network.spec).toEqual({
      type: 'network-interface',
      uniqueId: 'eni-e5aa89a3',
      network: 'network:default/subnet-b61f49f0',
      status: 'Active',
      active: true,
      properties: {
        vpcId: 'vpc-a01106c2',
        interfaceType: 'interface',
        macAddress: '02:2f:8f:b0:cf:75',
        privateIp: '10.0.1.17',
        publicIp: '203.0.113.12',
        instanceId: 'i-1234567890abcdef0',
        securityGroups: ['sg-8637d3e3'],
        requesterManaged: false,
      },
      datacenter: { provider: 'AWS', region: 'us-east-1', zone: 'us-east-1d' },
      tags: [{ key: 'Name', value: 'web-eth1' }],
    });
  });

  it('keeps a route table’s routes and subnets', () => {
    const table: RouteTable = {
      RouteTableId: 'rtb-22574640',
      VpcId: 'vpc-a01106c2',
      Associations: [
        {
          Main: true,
          RouteTableAssociationId: 'rtbassoc-1',
          RouteTableId: 'rtb-22574640',
        },
        {
          Main: false,
          RouteTableAssociationId: 'rtbassoc-2',
          RouteTableId: 'rtb-22574640',
          SubnetId: 'subnet-b61f49f0',
        },
      ],
      Routes: [
        {
          DestinationCidrBlock: '10.0.0.0/16',
          GatewayId: 'local',
          State: 'active',
        },
        {
          DestinationCidrBlock: '0.0.0.0/0',
          NatGatewayId: 'nat-05dba92075d71c408',
          State: 'active',
        },
        {
          DestinationPrefixListId: 'pl-63a5400a',
          GatewayId: 'vpce-032a826a',
          State: 'active',
        },
      ],
    };
    const network = translateRouteTable(table, context);
    expect(network.spec).toEqual({
      type: 'route-table',
      uniqueId: 'rtb-22574640',
      network: 'network:default/vpc-a01106c2',
      properties: {
        main: true,
        subnets: ['subnet-b61f49f0'],
        routes: [
          { destination: '10.0.0.0/16', target: 'local', state: 'active' },
          {
            destination: '0.0.0.0/0',
            target: 'nat-05dba92075d71c408',
            state: 'active',
          },
          {
            destination: 'pl-63a5400a',
            target: 'vpce-032a826a',
            state: 'active',
          },
        ],
      },
      datacenter: { provider: 'AWS', region: 'us-east-1' },
    });
    expect(validateMaestroEntity(network)).toEqual([]);
  });

  it('splits an ACL’s rules into ingress and egress', () => {
    const acl: NetworkAcl = {
      NetworkAclId: 'acl-5fb85d36',
      VpcId: 'vpc-a01106c2',
      IsDefault: false,
      Associations: [
        {
          NetworkAclAssociationId: 'aclassoc-66ea5f0b',
          NetworkAclId: 'acl-5fb85d36',
          SubnetId: 'subnet-65ea5f08',
        },
      ],
      Entries: [
        {
          CidrBlock: '0.0.0.0/0',
          Egress: true,
          Protocol: '-1',
          RuleAction: 'deny',
          RuleNumber: 32767,
        },
        {
          CidrBlock: '0.0.0.0/0',
          Egress: false,
          Protocol: '6',
          RuleAction: 'allow',
          RuleNumber: 100,
          PortRange: { From: 443, To: 443 },
        },
        {
          CidrBlock: '0.0.0.0/0',
          Egress: false,
          Protocol: '-1',
          RuleAction: 'deny',
          RuleNumber: 32767,
        },
      ],
    };
    expect(translateNetworkAcl(acl, context).spec).toMatchObject({
      type: 'network-acl',
      network: 'network:default/vpc-a01106c2',
      properties: {
        isDefault: false,
        subnets: ['subnet-65ea5f08'],
        ingress: [
          {
            rule: 100,
            protocol: '6',
            action: 'allow',
            cidr: '0.0.0.0/0',
            fromPort: 443,
            toPort: 443,
          },
          { rule: 32767, protocol: '-1', action: 'deny', cidr: '0.0.0.0/0' },
        ],
        egress: [{ rule: 32767, action: 'deny' }],
      },
    });
  });

  it.each([
    ['available', 'Active', true],
    ['Available', 'Active', true],
    ['pending-acceptance', 'Pending', true],
    ['pendingAcceptance', 'Pending', true],
    ['deleted', 'Stopped', false],
    ['rejected', 'Stopped', false],
    ['expired', 'Stopped', false],
  ])('maps state %s', (state, status, active) => {
    expect(connectionStatus(state)).toEqual({ status, active });
  });
});
