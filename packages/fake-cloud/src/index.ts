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
