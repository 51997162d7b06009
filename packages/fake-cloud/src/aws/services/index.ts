import { AwsServiceFake } from './types';
import { createElbFake } from './elb';
import { createRdsFake } from './rds';
import { createAutoscalingFake } from './autoscaling';
import { createElasticacheFake } from './elasticache';
import { createSesFake } from './ses';
import { createS3Fake } from './s3';
import { createSqsFake } from './sqs';
import { createLambdaFake } from './lambda';
import { createDynamodbFake } from './dynamodb';
import { createApigatewayFake } from './apigateway';
import { createCloudfrontFake } from './cloudfront';

/** Every AWS service beyond EC2 and STS, by SigV4 signing name. */
export function createAwsServiceFakes(): Map<string, AwsServiceFake> {
  return new Map<string, AwsServiceFake>([
    ['elasticloadbalancing', createElbFake()],
    ['rds', createRdsFake()],
    ['autoscaling', createAutoscalingFake()],
    ['elasticache', createElasticacheFake()],
    ['ses', createSesFake()],
    ['s3', createS3Fake()],
    ['sqs', createSqsFake()],
    ['lambda', createLambdaFake()],
    ['dynamodb', createDynamodbFake()],
    ['apigateway', createApigatewayFake()],
    ['cloudfront', createCloudfrontFake()],
  ]);
}

export type { AwsServiceFake, AwsServiceContext } from './types';
