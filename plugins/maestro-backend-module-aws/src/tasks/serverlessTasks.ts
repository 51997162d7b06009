import { DiscoveryTask } from '@maestro/plugin-maestro-node';
import { STORAGE_OBJECT_LIST } from './s3Task';
import { BROKERS_LIST } from './sqsTask';
import { SERVERLESS_LIST, SERVERLESS_SUPPORT_LIST } from './lambdaTasks';
import { DYNAMODB_LIST } from './dynamoDbTask';
import { GATEWAY_LIST } from './apiGatewayTask';
import { CDNS_LIST } from './cloudFrontTask';

/** Tasks of AWS's JSON and REST services (S3, SQS, Lambda, DynamoDB...). */
export const SERVERLESS_TASKS: DiscoveryTask[] = [
  STORAGE_OBJECT_LIST,
  BROKERS_LIST,
  SERVERLESS_LIST,
  SERVERLESS_SUPPORT_LIST,
  DYNAMODB_LIST,
  GATEWAY_LIST,
  CDNS_LIST,
];
