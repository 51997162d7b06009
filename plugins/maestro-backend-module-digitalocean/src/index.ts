/**
 * Maestro discovery of DigitalOcean accounts: droplets, volumes, snapshots,
 * images, firewalls, load balancers, Kubernetes clusters, CDN endpoints and
 * Spaces buckets.
 *
 * @packageDocumentation
 */
export { maestroModuleDigitalOcean as default } from './module';
export { digitalOceanDiscoverySource } from './digitalOceanSource';
export { translateDroplet, dropletStatus } from './translate/droplet';
export {
  translateVolume,
  translateSnapshot,
  translateImage,
} from './translate/storage';
export { translateFirewall } from './translate/firewall';
export {
  translateLoadBalancer,
  translateKubernetesCluster,
  translateCdnEndpoint,
  translateBucket,
} from './translate/services';
