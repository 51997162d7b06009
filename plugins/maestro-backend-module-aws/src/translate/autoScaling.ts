import { DiscoveredEntity } from '@maestro/plugin-maestro-node';
import type { AutoScalingGroup } from '@aws-sdk/client-auto-scaling';
import { TranslationContext, compact, ref } from './common';
import {
  listOrUndefined,
  managedResource,
  placement,
  stableName,
} from './managedResource';

/**
 * An EC2 Auto Scaling group as a Maestro resource of the AutoScaling
 * family, running on the instances it launched (`spec.servers`).
 */
export function translateAutoScalingGroup(
  group: AutoScalingGroup,
  context: TranslationContext,
): DiscoveredEntity {
  const arn = group.AutoScalingGroupARN!;
  const title = group.AutoScalingGroupName!;
  const template = group.LaunchTemplate;
  // Set only while AWS deletes the group ("Delete in progress").
  const deleting = Boolean(group.Status);
  return managedResource({
    family: 'AutoScaling',
    name: stableName(title, arn),
    title,
    // Tags also carry ResourceId/PropagateAtLaunch; keep the pair only.
    tags: (group.Tags ?? []).map(t => ({ Key: t.Key, Value: t.Value })),
    spec: {
      uniqueId: arn,
      provider: 'Auto Scaling (AWS)',
      status: deleting ? 'Stopped' : 'Active',
      active: !deleting,
      servers: listOrUndefined(
        (group.Instances ?? []).map(i =>
          i.InstanceId ? ref('server', i.InstanceId) : undefined,
        ),
      ),
      autoScaling: compact({
        minSize: group.MinSize,
        maxSize: group.MaxSize,
        desiredCapacity: group.DesiredCapacity,
        launchTemplate: template
          ? compact({
              id: template.LaunchTemplateId,
              name: template.LaunchTemplateName,
              version: template.Version,
            })
          : undefined,
        launchConfiguration: group.LaunchConfigurationName,
        healthCheckType: group.HealthCheckType,
        availabilityZones: listOrUndefined(group.AvailabilityZones ?? []),
        subnets: listOrUndefined((group.VPCZoneIdentifier ?? '').split(',')),
        loadBalancers: listOrUndefined(group.LoadBalancerNames ?? []),
        targetGroups: listOrUndefined(group.TargetGroupARNs ?? []),
        createdTime: group.CreatedTime?.toISOString(),
      }),
      datacenter: placement(context),
    },
  });
}
