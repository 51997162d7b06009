import { DiscoveredEntity } from '@maestro/plugin-maestro-node';
import type { CacheCluster } from '@aws-sdk/client-elasticache';
import { TranslationContext, compact } from './common';
import {
  listOrUndefined,
  managedResource,
  placement,
  sizeOfClass,
  stableName,
} from './managedResource';

/** Maestro's status of an ElastiCache cluster status. */
export function cacheStatus(status: string | undefined) {
  if (status === 'deleting' || status === 'deleted') {
    return { status: 'Stopped', active: false };
  }
  if (status === 'incompatible-network' || status === 'restore-failed') {
    return { status: 'Error', active: true };
  }
  return { status: 'Active', active: true };
}

/**
 * An ElastiCache cluster (Redis/Valkey node or Memcached cluster) as a
 * Maestro cache. Its endpoint is the Memcached configuration endpoint, or
 * the first node's (nodes come with ShowCacheNodeInfo).
 */
export function translateCacheCluster(
  cluster: CacheCluster,
  context: TranslationContext,
): DiscoveredEntity {
  const id = cluster.CacheClusterId!;
  const arn = cluster.ARN ?? `elasticache:${context.region}:${id}`;
  const nodes = cluster.CacheNodes ?? [];
  const endpoint = cluster.ConfigurationEndpoint ?? nodes[0]?.Endpoint;
  const zone = cluster.PreferredAvailabilityZone;
  let mode = 'Single Instance';
  if (cluster.ReplicationGroupId) mode = 'Master/Replica';
  else if ((cluster.NumCacheNodes ?? 1) > 1) mode = 'Sharding';
  return managedResource({
    family: 'Cache',
    name: stableName(id, arn),
    title: id,
    spec: {
      uniqueId: arn,
      provider: 'Elastic Cache (AWS)',
      ...cacheStatus(cluster.CacheClusterStatus),
      size: sizeOfClass(cluster.CacheNodeType),
      cluster: mode,
      role: compact({ endpoint: endpoint?.Address, port: endpoint?.Port }),
      cache: compact({
        engine: cluster.Engine,
        engineVersion: cluster.EngineVersion,
        nodeType: cluster.CacheNodeType,
        numCacheNodes: cluster.NumCacheNodes,
        nodes: nodes.length
          ? nodes.map(n =>
              compact({
                id: n.CacheNodeId,
                endpoint: n.Endpoint?.Address,
                port: n.Endpoint?.Port,
                zone: n.CustomerAvailabilityZone,
              }),
            )
          : undefined,
        replicationGroupId: cluster.ReplicationGroupId,
        subnetGroup: cluster.CacheSubnetGroupName,
        securityGroups: listOrUndefined(
          (cluster.SecurityGroups ?? []).map(g => g.SecurityGroupId),
        ),
        transitEncryption: cluster.TransitEncryptionEnabled,
        atRestEncryption: cluster.AtRestEncryptionEnabled,
        arn: cluster.ARN,
      }),
      datacenter: placement(context, {
        zone: zone === 'Multiple' ? undefined : zone,
        instanceType: cluster.CacheNodeType,
      }),
    },
  });
}
