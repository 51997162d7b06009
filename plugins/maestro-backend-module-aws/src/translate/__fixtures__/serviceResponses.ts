import type { Bucket } from '@aws-sdk/client-s3';
import type {
  FunctionConfiguration,
  LayersListItem,
} from '@aws-sdk/client-lambda';
import type { TableDescription } from '@aws-sdk/client-dynamodb';
import type { RestApi } from '@aws-sdk/client-api-gateway';
import type { DistributionSummary } from '@aws-sdk/client-cloudfront';

/**
 * Responses shaped after the examples of the AWS API references, as the
 * SDK parses them (dates as Date objects).
 */

export const buckets: Bucket[] = [
  {
    Name: 'amzn-s3-demo-bucket',
    CreationDate: new Date('2019-10-30T17:19:32.000Z'),
    BucketRegion: 'us-west-2',
    BucketArn: 'arn:aws:s3:::amzn-s3-demo-bucket',
  },
  {
    Name: 'examplebucket-cn',
    CreationDate: new Date('2020-02-04T08:00:00.000Z'),
  },
];

export const queueAttributes: Record<string, Record<string, string>> = {
  'https://sqs.us-east-1.amazonaws.com/177715257436/MyQueue': {
    QueueArn: 'arn:aws:sqs:us-east-1:177715257436:MyQueue',
    ApproximateNumberOfMessages: '0',
    CreatedTimestamp: '1676665337',
    LastModifiedTimestamp: '1677110910',
    VisibilityTimeout: '30',
    MaximumMessageSize: '262144',
    MessageRetentionPeriod: '345600',
    DelaySeconds: '0',
    ReceiveMessageWaitTimeSeconds: '0',
    SqsManagedSseEnabled: 'true',
    RedrivePolicy:
      '{"deadLetterTargetArn":"arn:aws:sqs:us-east-1:177715257436:MyDeadLetterQueue","maxReceiveCount":1000}',
  },
  'https://sqs.us-east-1.amazonaws.com/177715257436/MyDeadLetterQueue': {
    QueueArn: 'arn:aws:sqs:us-east-1:177715257436:MyDeadLetterQueue',
    CreatedTimestamp: '1676665000',
    VisibilityTimeout: '30',
    MessageRetentionPeriod: '1209600',
  },
  'https://sqs.us-east-1.amazonaws.com/177715257436/Orders.fifo': {
    QueueArn: 'arn:aws:sqs:us-east-1:177715257436:Orders.fifo',
    FifoQueue: 'true',
    ContentBasedDeduplication: 'false',
    RedrivePolicy: 'not json',
  },
};

export const functions: FunctionConfiguration[] = [
  {
    FunctionName: 'my-function',
    FunctionArn: 'arn:aws:lambda:us-west-2:123456789012:function:my-function',
    Runtime: 'nodejs20.x',
    Role: 'arn:aws:iam::123456789012:role/lambda-role',
    Handler: 'index.handler',
    CodeSize: 302,
    Description: 'Resizes images',
    Timeout: 3,
    MemorySize: 128,
    LastModified: '2023-10-14T22:26:11.234+0000',
    CodeSha256: 'Z4uB3Bv7k9sJnEyd5A0oVxDWsPjOB6KmdQ7BWqgo5pY=',
    Version: '$LATEST',
    VpcConfig: {
      SubnetIds: ['subnet-071f712345678e7c8'],
      SecurityGroupIds: ['sg-085912345678492fb'],
      VpcId: 'vpc-0123456789abcdef0',
    },
    Environment: { Variables: { DB_PASSWORD: 'hunter2-do-not-record' } },
    TracingConfig: { Mode: 'Active' },
    Layers: [
      {
        Arn: 'arn:aws:lambda:us-west-2:123456789012:layer:my-layer:3',
        CodeSize: 169,
      },
      {
        Arn: 'arn:aws:lambda:us-west-2:580247275435:layer:LambdaInsightsExtension:21',
        CodeSize: 1000,
      },
    ],
    PackageType: 'Zip',
    Architectures: ['x86_64'],
  },
  {
    FunctionName: 'failed-function',
    FunctionArn:
      'arn:aws:lambda:us-west-2:123456789012:function:failed-function',
    Runtime: 'python3.12',
    Handler: 'app.handler',
    MemorySize: 512,
    Timeout: 30,
    State: 'Failed',
    VpcConfig: { SubnetIds: [], SecurityGroupIds: [], VpcId: '' },
  },
];

export const layers: LayersListItem[] = [
  {
    LayerName: 'my-layer',
    LayerArn: 'arn:aws:lambda:us-west-2:123456789012:layer:my-layer',
    LatestMatchingVersion: {
      LayerVersionArn: 'arn:aws:lambda:us-west-2:123456789012:layer:my-layer:3',
      Version: 3,
      Description: 'Python libraries',
      CreatedDate: '2023-11-15T00:37:46.592+0000',
      CompatibleRuntimes: ['python3.12', 'python3.11'],
      LicenseInfo: 'MIT',
      CompatibleArchitectures: ['x86_64'],
    },
  },
];

export const tables: TableDescription[] = [
  {
    TableName: 'Music',
    TableArn: 'arn:aws:dynamodb:us-east-1:123456789012:table/Music',
    TableId: 'e9b5e4f4-b8f3-4a38-bf6a-4dc3b35d0e5a',
    TableStatus: 'ACTIVE',
    CreationDateTime: new Date('2016-12-21T16:30:00.000Z'),
    ItemCount: 40,
    TableSizeBytes: 4096,
    KeySchema: [
      { AttributeName: 'Artist', KeyType: 'HASH' },
      { AttributeName: 'SongTitle', KeyType: 'RANGE' },
    ],
    ProvisionedThroughput: {
      ReadCapacityUnits: 5,
      WriteCapacityUnits: 5,
      NumberOfDecreasesToday: 0,
    },
    Replicas: [
      { RegionName: 'us-west-2', ReplicaStatus: 'ACTIVE' },
      { RegionName: 'eu-west-1', ReplicaStatus: 'ACTIVE' },
    ],
    TableClassSummary: { TableClass: 'STANDARD' },
    DeletionProtectionEnabled: true,
  },
  {
    TableName: 'Sessions',
    TableArn: 'arn:aws:dynamodb:us-east-1:123456789012:table/Sessions',
    TableStatus: 'DELETING',
    BillingModeSummary: { BillingMode: 'PAY_PER_REQUEST' },
    ProvisionedThroughput: { ReadCapacityUnits: 0, WriteCapacityUnits: 0 },
    KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
  },
];

export const restApis: RestApi[] = [
  {
    id: 'a1b2c3d4e5',
    name: 'PetStore',
    description: 'Your first API with Amazon API Gateway.',
    createdDate: new Date('2023-05-02T12:00:00.000Z'),
    apiKeySource: 'HEADER',
    endpointConfiguration: { types: ['REGIONAL'] },
    tags: { team: 'pets', 'cost center': 'R&D / web' },
    disableExecuteApiEndpoint: false,
  },
  {
    id: 'z9y8x7w6v5',
    name: 'internal',
    endpointConfiguration: { types: ['PRIVATE'] },
    disableExecuteApiEndpoint: true,
  },
];

export const distributions: DistributionSummary[] = [
  {
    Id: 'EDFDVBD6EXAMPLE',
    ARN: 'arn:aws:cloudfront::123456789012:distribution/EDFDVBD6EXAMPLE',
    Status: 'Deployed',
    LastModifiedTime: new Date('2024-01-10T10:00:00.000Z'),
    DomainName: 'd111111abcdef8.cloudfront.net',
    Aliases: { Quantity: 1, Items: ['www.example.com'] },
    Origins: {
      Quantity: 3,
      Items: [
        {
          Id: 's3',
          DomainName: 'amzn-s3-demo-bucket.s3.us-west-2.amazonaws.com',
        },
        {
          Id: 'api',
          DomainName: 'a1b2c3d4e5.execute-api.us-east-1.amazonaws.com',
        },
        { Id: 'custom', DomainName: 'origin.example.com' },
      ],
    },
    Comment: '',
    PriceClass: 'PriceClass_All',
    Enabled: true,
    HttpVersion: 'http2',
    WebACLId: '',
  } as DistributionSummary,
  {
    Id: 'E2QWRUHEXAMPLE',
    ARN: 'arn:aws:cloudfront::123456789012:distribution/E2QWRUHEXAMPLE',
    Status: 'InProgress',
    DomainName: 'd222222abcdef8.cloudfront.net',
    Aliases: { Quantity: 0 },
    Origins: {
      Quantity: 1,
      Items: [{ Id: 'site', DomainName: 'my.site.bucket.s3.amazonaws.com' }],
    },
    Comment: 'Marketing site',
    Enabled: false,
  } as DistributionSummary,
];
