import { APIGatewayClient } from '@aws-sdk/client-api-gateway';
import { CloudFrontClient } from '@aws-sdk/client-cloudfront';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { LambdaClient } from '@aws-sdk/client-lambda';
import { S3Client } from '@aws-sdk/client-s3';
import { SQSClient } from '@aws-sdk/client-sqs';
import { AwsClientConfig } from './awsClients';

/** SDK clients of the JSON and REST services, built as the EC2 one is. */

const options = (config: AwsClientConfig, region: string) => ({
  region,
  endpoint: config.endpoint,
  credentials: config.credentials,
  maxAttempts: config.maxAttempts,
});

/** Path-style behind an endpoint override: `host/bucket/key`, not `bucket.host`. */
export const s3Client = (config: AwsClientConfig, region: string) =>
  new S3Client({
    ...options(config, region),
    forcePathStyle: Boolean(config.endpoint),
  });

export const sqsClient = (config: AwsClientConfig, region: string) =>
  new SQSClient(options(config, region));

export const lambdaClient = (config: AwsClientConfig, region: string) =>
  new LambdaClient(options(config, region));

export const dynamoDbClient = (config: AwsClientConfig, region: string) =>
  new DynamoDBClient(options(config, region));

export const apiGatewayClient = (config: AwsClientConfig, region: string) =>
  new APIGatewayClient(options(config, region));

/** CloudFront is global: its API lives in us-east-1 whatever the connection's regions. */
export const cloudFrontClient = (config: AwsClientConfig) =>
  new CloudFrontClient(options(config, 'us-east-1'));
