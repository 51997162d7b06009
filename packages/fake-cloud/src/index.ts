/**
 * A local fake of cloud provider APIs speaking their wire formats, for tests
 * and benchmarks of Maestro discovery.
 *
 * @packageDocumentation
 */
export { startFakeCloud } from './FakeCloud';
export type { FakeCloud, FakeCloudOptions } from './FakeCloud';
export { FakeAws } from './aws/FakeAws';
export type { FakeAwsOptions, FakeFailure } from './aws/FakeAws';
export * from './aws/awsData';
export { FakeAzure } from './azure/FakeAzure';
export type { FakeAzureOptions } from './azure/FakeAzure';
export { FakeDigitalOcean } from './digitalocean/FakeDigitalOcean';
export type { FakeDigitalOceanOptions } from './digitalocean/FakeDigitalOcean';
export { FakeOpenStack } from './openstack/FakeOpenStack';
export type { FakeOpenStackOptions } from './openstack/FakeOpenStack';
export type { FakeRequest, FakeResponse, FakeProvider } from './http';
export type { AwsServiceFake, AwsServiceContext } from './aws/services';
