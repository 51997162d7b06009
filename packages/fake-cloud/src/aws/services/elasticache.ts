import { AwsError } from '../ec2';
import { AwsServiceFake } from './types';
import { QueryPaging, members, queryPage, queryService } from './queryProtocol';

/**
 * Amazon ElastiCache (API version 2015-02-02): DescribeCacheClusters,
 * paged by Marker/MaxRecords (20 to 100); node endpoints only with
 * `ShowCacheNodeInfo=true`, as the ElastiCache API reference says.
 */

const PAGING: QueryPaging = {
  tokenParam: 'Marker',
  sizeParam: 'MaxRecords',
  min: 20,
  max: 100,
  defaultSize: 100,
  sizeError: () =>
    new AwsError(
      400,
      'InvalidParameterValue',
      'The parameter MaxRecords must be between 20 and 100.',
    ),
};

export function createElasticacheFake(): AwsServiceFake {
  return queryService({
    '2015-02-02': {
      xmlns: 'http://elasticache.amazonaws.com/doc/2015-02-02/',
      actions: {
        DescribeCacheClusters(params, ctx) {
          const id = params.get('CacheClusterId');
          const all = id
            ? ctx.region.cacheClusters.filter(c => c.cacheClusterId === id)
            : ctx.region.cacheClusters;
          if (id && !all.length) {
            throw new AwsError(
              404,
              'CacheClusterNotFound',
              `CacheCluster not found: ${id}`,
            );
          }
          const showNodes = params.get('ShowCacheNodeInfo') === 'true';
          const page = queryPage(all, params, PAGING);
          return {
            CacheClusters: members(
              page.items.map(c => ({
                CacheClusterId: c.cacheClusterId,
                ConfigurationEndpoint: c.configurationEndpoint && {
                  Address: c.configurationEndpoint.address,
                  Port: c.configurationEndpoint.port,
                },
                ClientDownloadLandingPage:
                  'https://console.aws.amazon.com/elasticache/home#client-download:',
                CacheNodeType: c.cacheNodeType,
                Engine: c.engine,
                EngineVersion: c.engineVersion,
                CacheClusterStatus: c.status,
                NumCacheNodes: c.nodes.length,
                PreferredAvailabilityZone: c.preferredAvailabilityZone,
                CacheClusterCreateTime: c.createTime,
                PreferredMaintenanceWindow: 'sun:05:00-sun:06:00',
                PendingModifiedValues: {},
                CacheSecurityGroups: members([], 'CacheSecurityGroup'),
                CacheParameterGroup: {
                  CacheParameterGroupName: `default.${c.engine}${c.engineVersion
                    .split('.')
                    .slice(0, c.engine === 'redis' ? 1 : 2)
                    .join('.')}`,
                  ParameterApplyStatus: 'in-sync',
                  CacheNodeIdsToReboot: members([], 'CacheNodeId'),
                },
                CacheSubnetGroupName: c.subnetGroupName,
                CacheNodes: showNodes
                  ? members(
                      c.nodes.map(n => ({
                        CacheNodeId: n.cacheNodeId,
                        CacheNodeStatus: n.status,
                        CacheNodeCreateTime: c.createTime,
                        Endpoint: { Address: n.address, Port: n.port },
                        ParameterGroupStatus: 'in-sync',
                        CustomerAvailabilityZone: n.availabilityZone,
                      })),
                      'CacheNode',
                    )
                  : undefined,
                AutoMinorVersionUpgrade: true,
                SecurityGroups: members(
                  c.securityGroupIds.map(g => ({
                    SecurityGroupId: g,
                    Status: 'active',
                  })),
                ),
                ReplicationGroupId: c.replicationGroupId,
                SnapshotRetentionLimit: c.engine === 'redis' ? 1 : 0,
                SnapshotWindow:
                  c.engine === 'redis' ? '04:00-05:00' : undefined,
                AuthTokenEnabled: false,
                TransitEncryptionEnabled: c.transitEncryptionEnabled,
                AtRestEncryptionEnabled: c.atRestEncryptionEnabled,
                ARN: `arn:aws:elasticache:${ctx.regionName}:${ctx.accountId}:cluster:${c.cacheClusterId}`,
                ReplicationGroupLogDeliveryEnabled: false,
                NetworkType: 'ipv4',
                IpDiscovery: 'ipv4',
              })),
              'CacheCluster',
            ),
            Marker: page.token,
          };
        },
      },
    },
  });
}
