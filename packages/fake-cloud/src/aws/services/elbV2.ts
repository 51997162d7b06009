import { FakeLoadBalancerV2, FakeTarget, FakeTargetGroup } from '../awsData';
import { AwsError } from '../ec2';
import { AwsServiceContext } from './types';
import { QueryNode, memberList, members, queryPage } from './queryProtocol';
import { ELB_PAGING, elbTags, tagTargets } from './elbCommon';

/**
 * The Elastic Load Balancing v2 API (version 2015-12-01) of Application
 * and Network load balancers, their listeners and target groups.
 */

/** The ARNs of one region's v2 resources, as AWS forms them. */
function arns(ctx: AwsServiceContext) {
  const base = `arn:aws:elasticloadbalancing:${ctx.regionName}:${ctx.accountId}`;
  const lbPath = (lb: FakeLoadBalancerV2) =>
    `${lb.type === 'application' ? 'app' : 'net'}/${lb.loadBalancerName}/${
      lb.loadBalancerId
    }`;
  return {
    loadBalancer: (lb: FakeLoadBalancerV2) =>
      `${base}:loadbalancer/${lbPath(lb)}`,
    targetGroup: (tg: FakeTargetGroup) =>
      `${base}:targetgroup/${tg.targetGroupName}/${tg.targetGroupId}`,
    listener: (lb: FakeLoadBalancerV2, listenerId: string) =>
      `${base}:listener/${lbPath(lb)}/${listenerId}`,
  };
}

function findLoadBalancer(ctx: AwsServiceContext, arn: string) {
  const lb = ctx.region.loadBalancers.find(
    x => arns(ctx).loadBalancer(x) === arn,
  );
  if (!lb) {
    throw new AwsError(
      400,
      'LoadBalancerNotFound',
      'One or more load balancers not found',
    );
  }
  return lb;
}

function targetGroupXml(
  ctx: AwsServiceContext,
  tg: FakeTargetGroup,
  owners: FakeLoadBalancerV2[],
): QueryNode {
  const http = tg.protocol === 'HTTP' || tg.protocol === 'HTTPS';
  return {
    TargetGroupArn: arns(ctx).targetGroup(tg),
    TargetGroupName: tg.targetGroupName,
    Protocol: tg.protocol,
    Port: tg.port,
    VpcId: tg.vpcId,
    HealthCheckProtocol: http ? 'HTTP' : 'TCP',
    HealthCheckPort: 'traffic-port',
    HealthCheckEnabled: true,
    HealthCheckIntervalSeconds: 30,
    HealthCheckTimeoutSeconds: 5,
    HealthyThresholdCount: 5,
    UnhealthyThresholdCount: 2,
    HealthCheckPath: tg.healthCheckPath,
    Matcher: http ? { HttpCode: '200' } : undefined,
    LoadBalancerArns: members(owners.map(arns(ctx).loadBalancer)),
    TargetType: tg.targetType,
    ProtocolVersion: http ? 'HTTP1' : undefined,
    IpAddressType: 'ipv4',
  };
}

/** What DescribeTargetHealth says of each state, as the API reference words it. */
const TARGET_HEALTH: Record<FakeTarget['state'], QueryNode> = {
  healthy: { State: 'healthy' },
  unused: {
    State: 'unused',
    Reason: 'Target.InvalidState',
    Description: 'Target is in the stopped state',
  },
  unhealthy: {
    State: 'unhealthy',
    Reason: 'Target.FailedHealthChecks',
    Description: 'Health checks failed',
  },
};

export const ELB_V2_ACTIONS = {
  DescribeLoadBalancers(params: URLSearchParams, ctx: AwsServiceContext) {
    const wantedArns = memberList(params, 'LoadBalancerArns');
    const names = memberList(params, 'Names');
    let all = ctx.region.loadBalancers;
    if (wantedArns.length) all = wantedArns.map(a => findLoadBalancer(ctx, a));
    if (names.length) {
      all = all.filter(lb => names.includes(lb.loadBalancerName));
      if (all.length < names.length) {
        throw new AwsError(
          400,
          'LoadBalancerNotFound',
          'One or more load balancers not found',
        );
      }
    }
    const page = queryPage(all, params, ELB_PAGING);
    return {
      LoadBalancers: members(
        page.items.map(lb => ({
          LoadBalancerArn: arns(ctx).loadBalancer(lb),
          DNSName: lb.dnsName,
          CanonicalHostedZoneId:
            lb.type === 'application' ? 'Z35SXDOTRQ7X7K' : 'Z26RNL4JYFTOTI',
          CreatedTime: lb.createdTime,
          LoadBalancerName: lb.loadBalancerName,
          Scheme: lb.scheme,
          VpcId: lb.vpcId,
          State: { Code: lb.state },
          Type: lb.type,
          AvailabilityZones: members(
            lb.subnets.map(s => ({
              ZoneName: s.zoneName,
              SubnetId: s.subnetId,
              LoadBalancerAddresses: members([]),
            })),
          ),
          SecurityGroups: lb.securityGroupIds.length
            ? members(lb.securityGroupIds)
            : undefined,
          IpAddressType: 'ipv4',
        })),
      ),
      NextMarker: page.token,
    };
  },
  DescribeListeners(params: URLSearchParams, ctx: AwsServiceContext) {
    const arn = params.get('LoadBalancerArn');
    if (!arn) {
      throw new AwsError(
        400,
        'ValidationError',
        'You must specify either listener ARNs or a load balancer ARN',
      );
    }
    const lb = findLoadBalancer(ctx, arn);
    const page = queryPage(lb.listeners, params, ELB_PAGING);
    return {
      Listeners: members(
        page.items.map(l => {
          const tg = lb.targetGroups.find(
            g => g.targetGroupId === l.targetGroupId,
          )!;
          return {
            ListenerArn: arns(ctx).listener(lb, l.listenerId),
            LoadBalancerArn: arn,
            Port: l.port,
            Protocol: l.protocol,
            Certificates:
              l.protocol === 'HTTPS'
                ? members([
                    {
                      CertificateArn: `arn:aws:acm:${ctx.regionName}:${ctx.accountId}:certificate/${lb.loadBalancerId}`,
                    },
                  ])
                : undefined,
            SslPolicy:
              l.protocol === 'HTTPS'
                ? 'ELBSecurityPolicy-TLS13-1-2-2021-06'
                : undefined,
            DefaultActions: members([
              { Type: 'forward', TargetGroupArn: arns(ctx).targetGroup(tg) },
            ]),
          };
        }),
      ),
      NextMarker: page.token,
    };
  },
  DescribeTargetGroups(params: URLSearchParams, ctx: AwsServiceContext) {
    const arn = params.get('LoadBalancerArn');
    const scope = arn ? [findLoadBalancer(ctx, arn)] : ctx.region.loadBalancers;
    const groups = scope.flatMap(lb => lb.targetGroups);
    const page = queryPage(groups, params, ELB_PAGING);
    return {
      TargetGroups: members(
        page.items.map(tg =>
          targetGroupXml(
            ctx,
            tg,
            ctx.region.loadBalancers.filter(lb => lb.targetGroups.includes(tg)),
          ),
        ),
      ),
      NextMarker: page.token,
    };
  },
  DescribeTargetHealth(params: URLSearchParams, ctx: AwsServiceContext) {
    const arn = params.get('TargetGroupArn');
    const tg = ctx.region.loadBalancers
      .flatMap(lb => lb.targetGroups)
      .find(g => arns(ctx).targetGroup(g) === arn);
    if (!tg) {
      throw new AwsError(
        400,
        'TargetGroupNotFound',
        'One or more target groups not found',
      );
    }
    return {
      TargetHealthDescriptions: members(
        tg.targets.map(t => ({
          Target: { Id: t.id, Port: t.port },
          HealthCheckPort: String(t.port),
          TargetHealth: TARGET_HEALTH[t.state],
        })),
      ),
    };
  },
  DescribeTags(params: URLSearchParams, ctx: AwsServiceContext) {
    const resourceArns = tagTargets(params, 'ResourceArns', 'resourceArns');
    return {
      TagDescriptions: members(
        resourceArns.map(arn => ({
          ResourceArn: arn,
          Tags: elbTags(findLoadBalancer(ctx, arn).tags),
        })),
      ),
    };
  },
};
