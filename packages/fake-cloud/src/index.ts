/**
 * A local fake of cloud provider APIs speaking their wire formats, for tests
 * and benchmarks of Maestro discovery.
 *
 * @packageDocumentation
 */
export { startFakeCloud } from './FakeCloud';
export type { FakeCloud, FakeCloudOptions } from './FakeCloud';
export { selfSignedCertificate } from './tls';
export type { SelfSignedCertificate } from './tls';
export { FakeAws } from './aws/FakeAws';
export type { FakeAwsOptions, FakeFailure } from './aws/FakeAws';
export * from './aws/awsData';
export { FakeAzure } from './azure/FakeAzure';
export type { FakeAzureOptions, FakeAzureFailure } from './azure/FakeAzure';
export * from './azure/azureData';
export type { FakeAzureClient } from './azure/entraId';
export { FakeDigitalOcean } from './digitalocean/FakeDigitalOcean';
export type { FakeDigitalOceanOptions } from './digitalocean/FakeDigitalOcean';
export { FakeOpenStack } from './openstack/FakeOpenStack';
export type { FakeOpenStackOptions } from './openstack/FakeOpenStack';
export type { FakeRequest, FakeResponse, FakeProvider } from './http';
export type { AwsServiceFake, AwsServiceContext } from './aws/services';
export { FakeS3 } from './aws/services/s3';
export type { FakeBucket, FakeS3Object } from './aws/services/s3';
export { FakeSqs } from './aws/services/sqs';
export type { FakeQueue } from './aws/services/sqs';
export { FakeLambda } from './aws/services/lambda';
export type { FakeFunction, FakeLayer } from './aws/services/lambda';
export { FakeDynamoDb } from './aws/services/dynamodb';
export type { FakeTable } from './aws/services/dynamodb';
export { FakeApiGateway } from './aws/services/apigateway';
export type { FakeRestApi } from './aws/services/apigateway';
export { FakeCloudFront } from './aws/services/cloudfront';
export type { FakeDistribution } from './aws/services/cloudfront';
