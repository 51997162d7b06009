import {
  AutoScalingClient,
  DescribeAutoScalingGroupsCommandOutput,
  paginateDescribeAutoScalingGroups,
} from '@aws-sdk/client-auto-scaling';
import {
  DescribeCacheClustersCommandOutput,
  ElastiCacheClient,
  paginateDescribeCacheClusters,
} from '@aws-sdk/client-elasticache';
import {
  DescribeDBClustersCommandOutput,
  DescribeDBInstancesCommandOutput,
  RDSClient,
  paginateDescribeDBClusters,
  paginateDescribeDBInstances,
} from '@aws-sdk/client-rds';
import { DiscoveryTask } from '@maestro/plugin-maestro-node';
import { clientOptions } from '../awsClients';
import { translateAutoScalingGroup } from '../translate/autoScaling';
import { translateCacheCluster } from '../translate/cache';
import { translateDbCluster, translateDbInstance } from '../translate/database';
import { emailClients, emailIdentityListing } from './emailListing';
import {
  classicLoadBalancerListing,
  loadBalancerV2Listing,
  loadBalancingClients,
} from './loadBalancerListings';
import { regionalTask } from './regionalTask';

/**
 * The tasks of AWS's Query-protocol managed services: load balancers,
 * RDS databases, Auto Scaling groups, ElastiCache clusters and SES
 * identities. Pages are each API's largest, or `pageSize` when smaller
 * (never under an API's minimum: 20 for RDS and ElastiCache).
 */
export function createManagedServiceTasks(
  opts: { pageSize?: number } = {},
): DiscoveryTask[] {
  const size = (max: number, min = 1) =>
    Math.max(min, Math.min(max, opts.pageSize ?? max));
  return [
    regionalTask({
      name: 'loadbalance-list',
      description:
        'Elastic Load Balancing: Classic, Application and Network load balancers and the servers behind them',
      client: loadBalancingClients,
      listings: [
        classicLoadBalancerListing(size(400)),
        loadBalancerV2Listing(size(400)),
      ],
    }),
    regionalTask({
      name: 'dbs-list',
      description: 'RDS and Aurora DB instances and clusters',
      client: (config, region) => new RDSClient(clientOptions(config, region)),
      listings: [
        {
          permission: 'rds:DescribeDBInstances',
          pages: client =>
            paginateDescribeDBInstances(
              { client, pageSize: size(100, 20) },
              {},
            ),
          translate: (page: DescribeDBInstancesCommandOutput, context) =>
            (page.DBInstances ?? []).map(db =>
              translateDbInstance(db, context),
            ),
        },
        {
          permission: 'rds:DescribeDBClusters',
          pages: client =>
            paginateDescribeDBClusters({ client, pageSize: size(100, 20) }, {}),
          translate: (page: DescribeDBClustersCommandOutput, context) =>
            (page.DBClusters ?? []).map(c => translateDbCluster(c, context)),
        },
      ],
    }),
    regionalTask({
      name: 'autoscaling-list',
      description: 'EC2 Auto Scaling groups and the servers they launched',
      client: (config, region) =>
        new AutoScalingClient(clientOptions(config, region)),
      listings: [
        {
          permission: 'autoscaling:DescribeAutoScalingGroups',
          pages: client =>
            paginateDescribeAutoScalingGroups(
              { client, pageSize: size(100) },
              {},
            ),
          translate: (page: DescribeAutoScalingGroupsCommandOutput, context) =>
            (page.AutoScalingGroups ?? []).map(g =>
              translateAutoScalingGroup(g, context),
            ),
        },
      ],
    }),
    regionalTask({
      name: 'cache-list',
      description: 'ElastiCache clusters (Redis, Valkey, Memcached)',
      client: (config, region) =>
        new ElastiCacheClient(clientOptions(config, region)),
      listings: [
        {
          permission: 'elasticache:DescribeCacheClusters',
          pages: client =>
            paginateDescribeCacheClusters(
              { client, pageSize: size(100, 20) },
              { ShowCacheNodeInfo: true },
            ),
          translate: (page: DescribeCacheClustersCommandOutput, context) =>
            (page.CacheClusters ?? []).map(c =>
              translateCacheCluster(c, context),
            ),
        },
      ],
    }),
    regionalTask({
      name: 'smtp-list',
      description: 'SES identities (domains and addresses mail is sent from)',
      client: emailClients,
      listings: [emailIdentityListing(size(100))],
    }),
  ];
}

/** Tasks of AWS's Query-protocol managed services (ELB, RDS, ElastiCache...). */
export const MANAGED_SERVICE_TASKS: DiscoveryTask[] =
  createManagedServiceTasks();
