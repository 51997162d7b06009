import { AwsError } from '../ec2';
import { AwsServiceFake } from './types';
import {
  QueryPaging,
  memberList,
  members,
  queryPage,
  queryService,
  validationError,
} from './queryProtocol';

/**
 * Amazon EC2 Auto Scaling (API version 2011-01-01):
 * DescribeAutoScalingGroups, paged by NextToken/MaxRecords (up to 100,
 * 50 by default), after the Auto Scaling API reference.
 */

const PAGING: QueryPaging = {
  tokenParam: 'NextToken',
  sizeParam: 'MaxRecords',
  min: 1,
  max: 100,
  defaultSize: 50,
  sizeError: value => validationError('maxRecords', value, 100),
  tokenError: token =>
    new AwsError(400, 'InvalidNextToken', `The token '${token}' is invalid.`),
};

export function createAutoscalingFake(): AwsServiceFake {
  return queryService({
    '2011-01-01': {
      xmlns: 'http://autoscaling.amazonaws.com/doc/2011-01-01/',
      actions: {
        DescribeAutoScalingGroups(params, ctx) {
          const names = memberList(params, 'AutoScalingGroupNames');
          const all = names.length
            ? ctx.region.autoScalingGroups.filter(g =>
                names.includes(g.autoScalingGroupName),
              )
            : ctx.region.autoScalingGroups;
          const page = queryPage(all, params, PAGING);
          const arnBase = `arn:aws:autoscaling:${ctx.regionName}:${ctx.accountId}`;
          return {
            AutoScalingGroups: members(
              page.items.map(g => ({
                AutoScalingGroupName: g.autoScalingGroupName,
                AutoScalingGroupARN: `${arnBase}:autoScalingGroup:${g.groupId}:autoScalingGroupName/${g.autoScalingGroupName}`,
                LaunchTemplate: {
                  LaunchTemplateId: g.launchTemplate.id,
                  LaunchTemplateName: g.launchTemplate.name,
                  Version: g.launchTemplate.version,
                },
                MinSize: g.minSize,
                MaxSize: g.maxSize,
                DesiredCapacity: g.desiredCapacity,
                DefaultCooldown: 300,
                AvailabilityZones: members(g.availabilityZones),
                LoadBalancerNames: members(g.loadBalancerNames),
                TargetGroupARNs: members(
                  g.targetGroups.map(
                    tg =>
                      `arn:aws:elasticloadbalancing:${ctx.regionName}:${ctx.accountId}:targetgroup/${tg.targetGroupName}/${tg.targetGroupId}`,
                  ),
                ),
                HealthCheckType: g.healthCheckType,
                HealthCheckGracePeriod: 300,
                Instances: members(
                  g.instances.map(i => ({
                    InstanceId: i.instanceId,
                    InstanceType: i.instanceType,
                    AvailabilityZone: i.availabilityZone,
                    LifecycleState: i.lifecycleState,
                    HealthStatus: i.healthStatus,
                    LaunchTemplate: {
                      LaunchTemplateId: g.launchTemplate.id,
                      LaunchTemplateName: g.launchTemplate.name,
                      Version: '1',
                    },
                    ProtectedFromScaleIn: false,
                  })),
                ),
                CreatedTime: g.createdTime,
                SuspendedProcesses: members([]),
                VPCZoneIdentifier: g.subnetIds.join(','),
                EnabledMetrics: members([]),
                Tags: members(
                  g.tags.map(t => ({
                    ResourceId: g.autoScalingGroupName,
                    ResourceType: 'auto-scaling-group',
                    Key: t.key,
                    Value: t.value,
                    PropagateAtLaunch: true,
                  })),
                ),
                TerminationPolicies: members(['Default']),
                NewInstancesProtectedFromScaleIn: false,
                ServiceLinkedRoleARN: `arn:aws:iam::${ctx.accountId}:role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling`,
                CapacityRebalance: false,
              })),
            ),
            NextToken: page.token,
          };
        },
      },
    },
  });
}
