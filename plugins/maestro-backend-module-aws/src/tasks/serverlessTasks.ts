import { DiscoveryTask } from '@maestro/plugin-maestro-node';

/** Tasks of AWS's JSON and REST services (S3, SQS, Lambda, DynamoDB...). */
export const SERVERLESS_TASKS: DiscoveryTask[] = [];
