/**
 * Maestro discovery of OpenStack projects: Nova servers and flavors,
 * Cinder volumes and snapshots, Glance images, Neutron networks and
 * security groups, Octavia load balancers, through Keystone v3.
 *
 * @packageDocumentation
 */
export { maestroModuleOpenStack as default } from './module';
export { openstackDiscoverySource } from './openstackSource';
export { translateServer, serverStatus } from './translate/server';
export type { ServerLookups } from './translate/server';
export { translateFlavor } from './translate/flavor';
export {
  translateVolume,
  translateSnapshot,
  translateImage,
} from './translate/storage';
export {
  translateNetwork,
  translateSubnet,
  translatePort,
  translateRouter,
  translateSecurityGroup,
} from './translate/network';
export { translateLoadBalancer } from './translate/loadBalancer';
