/**
 * Maestro discovery of AWS accounts: EC2 instances, volumes, snapshots,
 * images, security groups and networks.
 *
 * @packageDocumentation
 */
export { maestroModuleAws as default } from './module';
export { awsDiscoverySource } from './awsSource';
export { translateInstance, instanceStatus } from './translate/instance';
export {
  translateVolume,
  translateSnapshot,
  translateImage,
} from './translate/storage';
export {
  translateSecurityGroup,
  translateVpc,
  translateSubnet,
} from './translate/network';
