import type { LoadBalancerDescription } from '@aws-sdk/client-elastic-load-balancing';
import type { LoadBalancer } from '@aws-sdk/client-elastic-load-balancing-v2';
import { validateMaestroEntity } from '@maestro/plugin-maestro-common';
import {
  LoadBalancerV2Details,
  translateClassicLoadBalancer,
  translateLoadBalancerV2,
} from './loadBalancer';

// After the ELB API references' DescribeLoadBalancers, DescribeListeners,
// DescribeTargetGroups and DescribeTargetHealth examples, as the SDK parses them.
const classic: LoadBalancerDescription = {
  LoadBalancerName: 'my-load-balancer',
  DNSName: 'my-load-balancer-1234567890.us-west-2.elb.amazonaws.com',
  CanonicalHostedZoneName:
    'my-load-balancer-1234567890.us-west-2.elb.amazonaws.com',
  CanonicalHostedZoneNameID: 'Z3DZXE0Q79N41H',
  ListenerDescriptions: [
    {
      Listener: {
        Protocol: 'HTTP',
        LoadBalancerPort: 80,
        InstanceProtocol: 'HTTP',
        InstancePort: 80,
      },
      PolicyNames: [],
    },
    {
      Listener: {
        Protocol: 'HTTPS',
        LoadBalancerPort: 443,
        InstanceProtocol: 'HTTP',
        InstancePort: 80,
        SSLCertificateId:
          'arn:aws:iam::123456789012:server-certificate/my-server-cert',
      },
      PolicyNames: ['ELBSecurityPolicy-2015-03'],
    },
  ],
  AvailabilityZones: ['us-west-2a'],
  Subnets: ['subnet-15aaab61'],
  VPCId: 'vpc-a01106c2',
  Instances: [{ InstanceId: 'i-207d9717' }, { InstanceId: 'i-afefb49b' }],
  HealthCheck: {
    Target: 'HTTP:80/png',
    Interval: 30,
    Timeout: 3,
    UnhealthyThreshold: 2,
    HealthyThreshold: 2,
  },
  SourceSecurityGroup: {
    OwnerAlias: '123456789012',
    GroupName: 'my-elb-sg',
  },
  SecurityGroups: ['sg-a61988c3'],
  CreatedTime: new Date('2015-03-19T03:24:02.650Z'),
  Scheme: 'internet-facing',
};

const ARN =
  'arn:aws:elasticloadbalancing:us-west-2:123456789012:loadbalancer/app/my-load-balancer/50dc6c495c0c9188';
const TARGETS_ARN =
  'arn:aws:elasticloadbalancing:us-west-2:123456789012:targetgroup/my-targets/73e2d6bc24d8a067';
const IPS_ARN =
  'arn:aws:elasticloadbalancing:us-west-2:123456789012:targetgroup/my-ip-targets/0a1b2c3d4e5f6a7b';

const application: LoadBalancer = {
  LoadBalancerArn: ARN,
  DNSName: 'my-load-balancer-424835706.us-west-2.elb.amazonaws.com',
  CanonicalHostedZoneId: 'Z2P70J7EXAMPLE',
  CreatedTime: new Date('2016-03-25T21:26:12.920Z'),
  LoadBalancerName: 'my-load-balancer',
  Scheme: 'internet-facing',
  VpcId: 'vpc-3ac0fb5f',
  State: { Code: 'active' },
  Type: 'application',
  AvailabilityZones: [
    { ZoneName: 'us-west-2a', SubnetId: 'subnet-8360a9e7' },
    { ZoneName: 'us-west-2b', SubnetId: 'subnet-b7d581c0' },
  ],
  SecurityGroups: ['sg-5943793c'],
  IpAddressType: 'ipv4',
};

const details: LoadBalancerV2Details = {
  listeners: [
    {
      ListenerArn: `${ARN.replace(
        ':loadbalancer/',
        ':listener/',
      )}/f2f7dc8efc522ab2`,
      LoadBalancerArn: ARN,
      Port: 80,
      Protocol: 'HTTP',
      DefaultActions: [{ Type: 'forward', TargetGroupArn: TARGETS_ARN }],
    },
    {
      ListenerArn: `${ARN.replace(
        ':loadbalancer/',
        ':listener/',
      )}/0467ef3c8400ae65`,
      LoadBalancerArn: ARN,
      Port: 443,
      Protocol: 'HTTPS',
      DefaultActions: [{ Type: 'forward', TargetGroupArn: IPS_ARN }],
    },
  ],
  targetGroups: [
    {
      group: {
        TargetGroupArn: TARGETS_ARN,
        TargetGroupName: 'my-targets',
        Protocol: 'HTTP',
        Port: 80,
        VpcId: 'vpc-3ac0fb5f',
        HealthCheckProtocol: 'HTTP',
        HealthCheckPort: 'traffic-port',
        HealthCheckPath: '/',
        Matcher: { HttpCode: '200' },
        LoadBalancerArns: [ARN],
        TargetType: 'instance',
      },
      targets: [
        {
          Target: { Id: 'i-0f76fade', Port: 80 },
          HealthCheckPort: '80',
          TargetHealth: { State: 'healthy' },
        },
        {
          Target: { Id: 'i-0f76fade435676abd', Port: 80 },
          HealthCheckPort: '80',
          TargetHealth: {
            State: 'unhealthy',
            Reason: 'Target.ResponseCodeMismatch',
            Description: 'Health checks failed with these codes: [404]',
          },
        },
        // The same instance on a second port: one relation.
        {
          Target: { Id: 'i-0f76fade', Port: 8080 },
          TargetHealth: { State: 'healthy' },
        },
      ],
    },
    {
      group: {
        TargetGroupArn: IPS_ARN,
        TargetGroupName: 'my-ip-targets',
        Protocol: 'HTTP',
        Port: 80,
        TargetType: 'ip',
      },
      targets: [{ Target: { Id: '10.0.1.15', Port: 80 } }],
    },
  ],
  tags: [
    { Key: 'project', Value: 'lima' },
    { Key: 'department', Value: 'digital-media' },
  ],
};

const context = { region: 'us-west-2' };
const withOwner = (e: any) => ({
  ...e,
  spec: { ...e.spec, owner: 'group:default/sre' },
});

describe('translateClassicLoadBalancer', () => {
  it('makes a Loadbalance resource routing to its registered instances', () => {
    const lb = translateClassicLoadBalancer(
      classic,
      [{ Key: 'env', Value: 'production' }],
      context,
    );
    expect(lb).toEqual({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Resource',
      metadata: {
        name: 'my-load-balancer-1234567890',
        title: 'my-load-balancer',
        labels: { env: 'production' },
      },
      spec: {
        type: 'load-balancer',
        family: 'Loadbalance',
        uniqueId: 'my-load-balancer-1234567890.us-west-2.elb.amazonaws.com',
        provider: 'ELB (AWS)',
        status: 'Active',
        active: true,
        role: {
          endpoint: 'my-load-balancer-1234567890.us-west-2.elb.amazonaws.com',
          healthCheck: 'HTTP:80/png',
        },
        targets: ['server:default/i-207d9717', 'server:default/i-afefb49b'],
        loadBalancer: {
          type: 'classic',
          scheme: 'internet-facing',
          dnsName: 'my-load-balancer-1234567890.us-west-2.elb.amazonaws.com',
          vpcId: 'vpc-a01106c2',
          listeners: [
            {
              protocol: 'HTTP',
              port: 80,
              targetProtocol: 'HTTP',
              targetPort: 80,
            },
            {
              protocol: 'HTTPS',
              port: 443,
              targetProtocol: 'HTTP',
              targetPort: 80,
            },
          ],
          availabilityZones: ['us-west-2a'],
          subnets: ['subnet-15aaab61'],
          securityGroups: ['sg-a61988c3'],
          createdTime: '2015-03-19T03:24:02.650Z',
        },
        datacenter: { provider: 'AWS', region: 'us-west-2' },
        tags: [{ key: 'env', value: 'production' }],
      },
    });
    expect(validateMaestroEntity(withOwner(lb))).toEqual([]);
  });

  it('keeps a load balancer without instances free of targets', () => {
    const lb = translateClassicLoadBalancer(
      { ...classic, Instances: [], Scheme: 'internal' },
      undefined,
      context,
    );
    expect(lb.spec).not.toHaveProperty('targets');
    expect(lb.spec).not.toHaveProperty('tags');
    expect(lb.spec).toMatchObject({ loadBalancer: { scheme: 'internal' } });
  });
});

describe('translateLoadBalancerV2', () => {
  it('routes to the instances of its instance target groups', () => {
    const lb = translateLoadBalancerV2(application, details, context);
    expect(lb.metadata).toEqual({
      name: 'my-load-balancer-50dc6c495c0c9188',
      title: 'my-load-balancer',
      labels: { project: 'lima', department: 'digital-media' },
    });
    expect(lb.spec).toEqual({
      type: 'load-balancer',
      family: 'Loadbalance',
      uniqueId: ARN,
      provider: 'ELB (AWS)',
      status: 'Active',
      active: true,
      role: {
        endpoint: 'my-load-balancer-424835706.us-west-2.elb.amazonaws.com',
        healthCheck: '/',
      },
      targets: [
        'server:default/i-0f76fade',
        'server:default/i-0f76fade435676abd',
      ],
      loadBalancer: {
        type: 'application',
        scheme: 'internet-facing',
        dnsName: 'my-load-balancer-424835706.us-west-2.elb.amazonaws.com',
        vpcId: 'vpc-3ac0fb5f',
        ipAddressType: 'ipv4',
        listeners: [
          { protocol: 'HTTP', port: 80, targetGroups: ['my-targets'] },
          { protocol: 'HTTPS', port: 443, targetGroups: ['my-ip-targets'] },
        ],
        targetGroups: [
          {
            name: 'my-targets',
            protocol: 'HTTP',
            port: 80,
            targetType: 'instance',
            healthCheckPath: '/',
          },
          {
            name: 'my-ip-targets',
            protocol: 'HTTP',
            port: 80,
            targetType: 'ip',
            addresses: ['10.0.1.15'],
          },
        ],
        availabilityZones: ['us-west-2a', 'us-west-2b'],
        subnets: ['subnet-8360a9e7', 'subnet-b7d581c0'],
        securityGroups: ['sg-5943793c'],
        createdTime: '2016-03-25T21:26:12.920Z',
      },
      datacenter: { provider: 'AWS', region: 'us-west-2' },
      tags: [
        { key: 'project', value: 'lima' },
        { key: 'department', value: 'digital-media' },
      ],
    });
    expect(validateMaestroEntity(withOwner(lb))).toEqual([]);
  });

  it.each([
    ['active', 'Active'],
    ['active_impaired', 'Active'],
    ['provisioning', 'Active'],
    ['failed', 'Error'],
  ])('maps state %s to %s', (code, status) => {
    const lb = translateLoadBalancerV2(
      { ...application, State: { Code: code as any } },
      { listeners: [], targetGroups: [] },
      context,
    );
    expect(lb.spec).toMatchObject({ status });
    expect(lb.spec).not.toHaveProperty('targets');
  });

  it('names a Network load balancer after its ARN as well', () => {
    const lb = translateLoadBalancerV2(
      {
        ...application,
        LoadBalancerArn:
          'arn:aws:elasticloadbalancing:us-west-2:123456789012:loadbalancer/net/my-network-load-balancer/5d1b75f4f1cee11e',
        LoadBalancerName: 'my-network-load-balancer',
        Type: 'network',
        SecurityGroups: undefined,
      },
      { listeners: [], targetGroups: [] },
      context,
    );
    expect(lb.metadata.name).toBe('my-network-load-balancer-5d1b75f4f1cee11e');
    expect(lb.spec).toMatchObject({ loadBalancer: { type: 'network' } });
  });
});
