import { DiscoveredEntity } from '@maestro/plugin-maestro-node';
import type { LoadBalancerDescription } from '@aws-sdk/client-elastic-load-balancing';
import type {
  Listener,
  LoadBalancer,
  TargetGroup,
  TargetHealthDescription,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import { AwsTag, TranslationContext, compact, ref } from './common';
import {
  listOrUndefined,
  managedResource,
  placement,
  stableName,
} from './managedResource';

/** Maestro 0.6 names Elastic Load Balancing so, whatever the generation. */
const PROVIDER = 'ELB (AWS)';

/**
 * A Classic load balancer (ELB API 2012-06-01) as a Maestro load balancer
 * routing to its registered instances. Its DNS name's first label
 * (`web-1234567890`, or `internal-...`) carries a number AWS assigns, so it
 * is unique where the load balancer's own name is not.
 */
export function translateClassicLoadBalancer(
  lb: LoadBalancerDescription,
  tags: AwsTag[] | undefined,
  context: TranslationContext,
): DiscoveredEntity {
  const title = lb.LoadBalancerName!;
  const name =
    lb.DNSName?.split('.')[0] ??
    stableName(title, `elb:${context.region}:${title}`);
  return managedResource({
    family: 'Loadbalance',
    name,
    title,
    tags,
    spec: {
      uniqueId: lb.DNSName ?? name,
      provider: PROVIDER,
      status: 'Active',
      active: true,
      role: compact({
        endpoint: lb.DNSName,
        healthCheck: lb.HealthCheck?.Target,
      }),
      targets: listOrUndefined(
        (lb.Instances ?? []).map(i =>
          i.InstanceId ? ref('server', i.InstanceId) : undefined,
        ),
      ),
      loadBalancer: compact({
        type: 'classic',
        scheme: lb.Scheme,
        dnsName: lb.DNSName,
        vpcId: lb.VPCId,
        listeners: (lb.ListenerDescriptions ?? []).map(d =>
          compact({
            protocol: d.Listener?.Protocol,
            port: d.Listener?.LoadBalancerPort,
            targetProtocol: d.Listener?.InstanceProtocol,
            targetPort: d.Listener?.InstancePort,
          }),
        ),
        availabilityZones: listOrUndefined(lb.AvailabilityZones ?? []),
        subnets: listOrUndefined(lb.Subnets ?? []),
        securityGroups: listOrUndefined(lb.SecurityGroups ?? []),
        createdTime: lb.CreatedTime?.toISOString(),
      }),
      datacenter: placement(context),
    },
  });
}

/** A v2 target group with the targets DescribeTargetHealth listed. */
export interface TargetGroupWithTargets {
  group: TargetGroup;
  targets: TargetHealthDescription[];
}

/** What the v2 calls besides DescribeLoadBalancers say of one load balancer. */
export interface LoadBalancerV2Details {
  listeners: Listener[];
  targetGroups: TargetGroupWithTargets[];
  tags?: AwsTag[];
}

const V2_STATUS: Record<string, string> = {
  active: 'Active',
  active_impaired: 'Active',
  provisioning: 'Active',
  failed: 'Error',
};

/**
 * An Application, Network or Gateway load balancer (ELB API 2015-12-01)
 * as a Maestro load balancer routing to the instances registered in its
 * target groups. Named after its ARN's last two parts (name and AWS id).
 */
export function translateLoadBalancerV2(
  lb: LoadBalancer,
  details: LoadBalancerV2Details,
  context: TranslationContext,
): DiscoveredEntity {
  const arn = lb.LoadBalancerArn!;
  const [, lbName, lbId] = arn.split(':').pop()!.split('/').slice(-3);
  const groups = details.targetGroups;
  const groupNames = new Map(
    groups.map(g => [g.group.TargetGroupArn, g.group.TargetGroupName]),
  );
  return managedResource({
    family: 'Loadbalance',
    name: lbId ? `${lbName}-${lbId}` : stableName(lb.LoadBalancerName!, arn),
    title: lb.LoadBalancerName!,
    tags: details.tags,
    spec: {
      uniqueId: arn,
      provider: PROVIDER,
      status: V2_STATUS[lb.State?.Code ?? ''] ?? lb.State?.Code,
      active: true,
      role: compact({
        endpoint: lb.DNSName,
        healthCheck: groups.find(g => g.group.HealthCheckPath)?.group
          .HealthCheckPath,
      }),
      targets: listOrUndefined(
        groups
          .filter(g => g.group.TargetType === 'instance')
          .flatMap(g => g.targets)
          .map(t => (t.Target?.Id ? ref('server', t.Target.Id) : undefined)),
      ),
      loadBalancer: compact({
        type: lb.Type,
        scheme: lb.Scheme,
        dnsName: lb.DNSName,
        vpcId: lb.VpcId,
        ipAddressType: lb.IpAddressType,
        listeners: details.listeners.map(l =>
          compact({
            protocol: l.Protocol,
            port: l.Port,
            targetGroups: listOrUndefined(
              (l.DefaultActions ?? []).map(a =>
                groupNames.get(a.TargetGroupArn),
              ),
            ),
          }),
        ),
        targetGroups: groups.map(({ group, targets }) =>
          compact({
            name: group.TargetGroupName,
            protocol: group.Protocol,
            port: group.Port,
            targetType: group.TargetType,
            healthCheckPath: group.HealthCheckPath,
            // Instances are relations; other targets (IPs, functions) stay here.
            addresses:
              group.TargetType === 'instance'
                ? undefined
                : listOrUndefined(targets.map(t => t.Target?.Id)),
          }),
        ),
        availabilityZones: listOrUndefined(
          (lb.AvailabilityZones ?? []).map(z => z.ZoneName),
        ),
        subnets: listOrUndefined(
          (lb.AvailabilityZones ?? []).map(z => z.SubnetId),
        ),
        securityGroups: listOrUndefined(lb.SecurityGroups ?? []),
        createdTime: lb.CreatedTime?.toISOString(),
      }),
      datacenter: placement(context),
    },
  });
}
