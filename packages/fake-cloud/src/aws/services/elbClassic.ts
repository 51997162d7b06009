import { FakeClassicLoadBalancer } from '../awsData';
import { AwsError } from '../ec2';
import { AwsServiceContext } from './types';
import { QueryNode, memberList, members, queryPage } from './queryProtocol';
import { ELB_PAGING, elbTags, tagTargets } from './elbCommon';

/** The Classic Elastic Load Balancing API (version 2012-06-01). */

function classicXml(lb: FakeClassicLoadBalancer): QueryNode {
  return {
    LoadBalancerName: lb.loadBalancerName,
    DNSName: lb.dnsName,
    CanonicalHostedZoneName: lb.scheme === 'internal' ? undefined : lb.dnsName,
    CanonicalHostedZoneNameID: 'Z35SXDOTRQ7X7K',
    ListenerDescriptions: members(
      lb.listeners.map(l => ({
        Listener: {
          Protocol: l.protocol,
          LoadBalancerPort: l.loadBalancerPort,
          InstanceProtocol: l.instanceProtocol,
          InstancePort: l.instancePort,
        },
        PolicyNames: members([]),
      })),
    ),
    Policies: {
      AppCookieStickinessPolicies: members([]),
      LBCookieStickinessPolicies: members([]),
      OtherPolicies: members([]),
    },
    BackendServerDescriptions: members([]),
    AvailabilityZones: members(lb.availabilityZones),
    Subnets: members(lb.subnetIds),
    VPCId: lb.vpcId,
    Instances: members(lb.instanceIds.map(id => ({ InstanceId: id }))),
    HealthCheck: {
      Target: lb.healthCheckTarget,
      Interval: 30,
      Timeout: 5,
      UnhealthyThreshold: 2,
      HealthyThreshold: 10,
    },
    SourceSecurityGroup: {
      OwnerAlias: 'amazon-elb',
      GroupName: 'amazon-elb-sg',
    },
    SecurityGroups: members(lb.securityGroupIds),
    CreatedTime: lb.createdTime,
    Scheme: lb.scheme,
  };
}

export const ELB_CLASSIC_ACTIONS = {
  DescribeLoadBalancers(params: URLSearchParams, ctx: AwsServiceContext) {
    const names = memberList(params, 'LoadBalancerNames');
    const all = ctx.region.classicLoadBalancers;
    const missing = names.find(n => !all.some(lb => lb.loadBalancerName === n));
    if (missing) {
      throw new AwsError(
        400,
        'LoadBalancerNotFound',
        `There is no ACTIVE Load Balancer named '${missing}'`,
      );
    }
    const wanted = names.length
      ? all.filter(lb => names.includes(lb.loadBalancerName))
      : all;
    const page = queryPage(wanted, params, ELB_PAGING);
    return {
      LoadBalancerDescriptions: members(page.items.map(classicXml)),
      NextMarker: page.token,
    };
  },
  DescribeTags(params: URLSearchParams, ctx: AwsServiceContext) {
    const names = tagTargets(params, 'LoadBalancerNames', 'loadBalancerNames');
    return {
      TagDescriptions: members(
        names.map(name => {
          const lb = ctx.region.classicLoadBalancers.find(
            x => x.loadBalancerName === name,
          );
          if (!lb) {
            throw new AwsError(
              400,
              'LoadBalancerNotFound',
              `There is no ACTIVE Load Balancer named '${name}'`,
            );
          }
          return { LoadBalancerName: name, Tags: elbTags(lb.tags) };
        }),
      ),
    };
  },
};
