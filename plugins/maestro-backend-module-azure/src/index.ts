/**
 * Maestro discovery of Azure subscriptions: virtual machines, managed
 * disks, snapshots, images and networks.
 *
 * @packageDocumentation
 */
export { maestroModuleAzure as default } from './module';
export { azureDiscoverySource } from './azureSource';
export {
  translateVirtualMachine,
  vmStatus,
  powerStateOf,
} from './translate/virtualMachine';
export type { VmLookups, NicSummary } from './translate/virtualMachine';
export {
  translateDisk,
  translateSnapshot,
  translateImage,
} from './translate/storage';
export {
  translateVirtualNetwork,
  translateNetworkInterface,
  translatePublicIpAddress,
  translateRouteTable,
} from './translate/network';
export { armName } from './translate/common';
