import { DiscoveredEntity } from '@maestro/plugin-maestro-node';
import {
  DoCdnEndpoint,
  DoKubernetesCluster,
  DoLoadBalancer,
} from '../api/types';
import {
  boundedName,
  compact,
  dropletRef,
  familyResource,
  placement,
  ref,
} from './common';

const LB_STATUS: Record<string, string> = {
  active: 'Active',
  new: 'Active',
  errored: 'Error',
};

/** A load balancer as a Resource of family Loadbalance, routing to its droplets. */
export function translateLoadBalancer(lb: DoLoadBalancer): DiscoveredEntity {
  const check = lb.health_check;
  return familyResource('Loadbalance', {
    name: lb.id,
    title: lb.name,
    spec: {
      uniqueId: lb.id,
      provider: 'Load Balancer (DigitalOcean)',
      status: lb.status ? LB_STATUS[lb.status] : undefined,
      active: true,
      size: lb.size ?? (lb.size_unit ? `${lb.size_unit} nodes` : undefined),
      role: compact({
        endpoint: lb.ip || undefined,
        // e.g. `http:80/health`: the check each target droplet answers.
        healthCheck: check?.protocol
          ? `${check.protocol}:${check.port}${check.path ?? ''}`
          : undefined,
        algorithm: lb.algorithm,
        forwardingRules: lb.forwarding_rules?.map(
          r =>
            `${r.entry_protocol}:${r.entry_port} -> ${r.target_protocol}:${r.target_port}`,
        ),
        dropletTag: lb.tag || undefined,
      }),
      targets: lb.droplet_ids?.length
        ? lb.droplet_ids.map(dropletRef)
        : undefined,
      datacenter: placement(lb.region?.slug),
    },
  });
}

const CLUSTER_STATUS: Record<string, string> = {
  running: 'Active',
  provisioning: 'Active',
  upgrading: 'Active',
  degraded: 'Error',
  error: 'Error',
  deleting: 'Deleted',
  deleted: 'Deleted',
};

/** A Kubernetes cluster as a Resource of family ContainerOrchestration, on its node droplets. */
export function translateKubernetesCluster(
  cluster: DoKubernetesCluster,
): DiscoveredEntity {
  const pools = cluster.node_pools ?? [];
  const nodes = pools
    .flatMap(p => p.nodes ?? [])
    .map(n => n.droplet_id)
    .filter((id): id is string => Boolean(id));
  const state = cluster.status?.state;
  return familyResource('ContainerOrchestration', {
    name: cluster.id,
    title: cluster.name,
    tags: cluster.tags,
    spec: {
      uniqueId: cluster.id,
      provider: 'Kubernetes (DigitalOcean)',
      status: state ? CLUSTER_STATUS[state] : undefined,
      active: state !== 'deleted',
      role: compact({
        endpoint: cluster.endpoint,
        version: cluster.version,
        highAvailability: cluster.ha,
        nodePools: pools.map(p =>
          compact({ name: p.name, size: p.size, count: p.count }),
        ),
      }),
      servers: nodes.length ? nodes.map(dropletRef) : undefined,
      datacenter: placement(cluster.region),
    },
  });
}

/** `static-images.nyc3.digitaloceanspaces.com` → the bucket and region. */
export function spacesOrigin(origin: string | undefined) {
  const m =
    /^([a-z0-9][a-z0-9.-]*)\.([a-z]{3}\d)\.digitaloceanspaces\.com$/.exec(
      origin ?? '',
    );
  return m ? { bucket: m[1], region: m[2] } : undefined;
}

/** The name of a Spaces bucket's record; bucket names are per region. */
export function bucketName(region: string, bucket: string) {
  return boundedName(`spaces-${region}-${bucket}`);
}

/** A CDN endpoint as a Resource of family CDN, depending on its Spaces origin. */
export function translateCdnEndpoint(cdn: DoCdnEndpoint): DiscoveredEntity {
  const origin = spacesOrigin(cdn.origin);
  return familyResource('CDN', {
    name: cdn.id,
    title: cdn.custom_domain || cdn.endpoint || cdn.id,
    spec: {
      uniqueId: cdn.id,
      provider: 'CDN (DigitalOcean)',
      status: 'Active',
      active: true,
      role: compact({
        endpoint: `https://${cdn.custom_domain || cdn.endpoint}`,
        origin: cdn.origin,
        ttl: cdn.ttl,
      }),
      dependencies: origin
        ? [
            {
              target: ref('resource', bucketName(origin.region, origin.bucket)),
              protocol: 'http',
            },
          ]
        : undefined,
      // A CDN serves from everywhere; its origin is where the data lives.
      datacenter: placement(origin?.region),
    },
  });
}

/** A Spaces bucket (S3 ListBuckets of a region) as a Resource of family ObjectStorage. */
export function translateBucket(
  bucket: { Name?: string; CreationDate?: Date },
  context: { region: string; endpoint: string },
): DiscoveredEntity {
  const name = bucket.Name!;
  return familyResource('ObjectStorage', {
    name: bucketName(context.region, name),
    title: name,
    spec: {
      uniqueId: `${context.region}/${name}`,
      provider: 'Spaces (DigitalOcean)',
      status: 'Active',
      active: true,
      role: compact({
        endpoint: `${context.endpoint}/${name}`,
        createdAt: bucket.CreationDate?.toISOString(),
      }),
      datacenter: placement(context.region),
    },
  });
}
