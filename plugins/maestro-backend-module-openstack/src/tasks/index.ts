import { FLAVOR_LIST, SERVER_LIST } from './computeTasks';
import { LOADBALANCE_LIST } from './loadBalancerTasks';
import { NETWORK_LIST, SECURITY_LIST } from './networkTasks';
import { IMAGES_LIST, SNAPSHOT_LIST, VOLUMES_LIST } from './storageTasks';

/** Every OpenStack discovery task, in the order the connection page lists them. */
export const OPENSTACK_TASKS = [
  SERVER_LIST,
  LOADBALANCE_LIST,
  VOLUMES_LIST,
  SNAPSHOT_LIST,
  IMAGES_LIST,
  SECURITY_LIST,
  FLAVOR_LIST,
  NETWORK_LIST,
];
