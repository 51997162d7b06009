import { DiscoveryTask } from '@maestro/plugin-maestro-node';
import {
  DoCdnEndpoint,
  DoDroplet,
  DoFirewall,
  DoImage,
  DoKubernetesCluster,
  DoLoadBalancer,
  DoSnapshot,
  DoVolume,
} from '../api/types';
import { translateDroplet } from '../translate/droplet';
import { translateFirewall } from '../translate/firewall';
import {
  translateCdnEndpoint,
  translateKubernetesCluster,
  translateLoadBalancer,
} from '../translate/services';
import {
  translateImage,
  translateSnapshot,
  translateVolume,
} from '../translate/storage';
import { apiTask } from './apiTask';

export const SERVER_LIST: DiscoveryTask = apiTask({
  name: 'server-list',
  description: 'Droplets in every status and region',
  listings: [
    {
      path: '/v2/droplets',
      key: 'droplets',
      scope: 'droplet:read',
      translate: (d: DoDroplet) => translateDroplet(d),
    },
  ],
});

export const LOADBALANCE_LIST: DiscoveryTask = apiTask({
  name: 'loadbalance-list',
  description: 'Load balancers and the droplets they route to',
  listings: [
    {
      path: '/v2/load_balancers',
      key: 'load_balancers',
      scope: 'load_balancer:read',
      translate: (lb: DoLoadBalancer) => translateLoadBalancer(lb),
    },
  ],
});

export const VOLUMES_LIST: DiscoveryTask = apiTask({
  name: 'volumes-list',
  description: 'Block storage volumes and the droplets they are attached to',
  listings: [
    {
      path: '/v2/volumes',
      key: 'volumes',
      scope: 'block_storage:read',
      translate: (v: DoVolume) => translateVolume(v),
    },
  ],
});

export const SNAPSHOT_LIST: DiscoveryTask = apiTask({
  name: 'snapshot-list',
  description: 'Snapshots of droplets and volumes',
  listings: [
    {
      path: '/v2/snapshots',
      key: 'snapshots',
      scope: 'snapshot:read',
      translate: (s: DoSnapshot) => translateSnapshot(s),
    },
  ],
});

export const CDNS_LIST: DiscoveryTask = apiTask({
  name: 'cdns-list',
  description: 'CDN endpoints and the Spaces buckets they serve',
  listings: [
    {
      path: '/v2/cdn/endpoints',
      key: 'endpoints',
      scope: 'cdn:read',
      translate: (e: DoCdnEndpoint) => translateCdnEndpoint(e),
    },
  ],
});

export const CONTAINER_ORCHESTRATION_LIST: DiscoveryTask = apiTask({
  name: 'container-orchestration-list',
  description: 'Kubernetes clusters and their node droplets',
  listings: [
    {
      path: '/v2/kubernetes/clusters',
      key: 'kubernetes_clusters',
      scope: 'kubernetes:read',
      translate: (c: DoKubernetesCluster) => translateKubernetesCluster(c),
    },
  ],
});

export const IMAGES_LIST: DiscoveryTask = apiTask({
  name: 'images-list',
  description: 'Images of the account: snapshots, backups, custom images',
  listings: [
    {
      path: '/v2/images',
      query: { private: 'true' },
      key: 'images',
      scope: 'image:read',
      translate: (i: DoImage) => translateImage(i),
    },
  ],
});

export const SECURITY_LIST: DiscoveryTask = apiTask({
  name: 'security-list',
  description: 'Cloud firewalls',
  listings: [
    {
      path: '/v2/firewalls',
      key: 'firewalls',
      scope: 'firewall:read',
      translate: (f: DoFirewall) => translateFirewall(f),
    },
  ],
});

/** The tasks that read the API v2 with the token. */
export const API_TASKS = [
  SERVER_LIST,
  LOADBALANCE_LIST,
  VOLUMES_LIST,
  SNAPSHOT_LIST,
  CDNS_LIST,
  CONTAINER_ORCHESTRATION_LIST,
  IMAGES_LIST,
  SECURITY_LIST,
];
