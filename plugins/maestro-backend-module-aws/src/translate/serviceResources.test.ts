import { validateMaestroEntity } from '@maestro/plugin-maestro-common';
import { DiscoveredEntity } from '@maestro/plugin-maestro-node';
import {
  buckets,
  distributions,
  functions,
  layers,
  queueAttributes,
  restApis,
  tables,
} from './__fixtures__/serviceResponses';
import { stableName } from './managedResource';
import { bucketRegion, translateBucket } from './s3';
import { translateQueue } from './sqs';
import { translateFunction, translateLayer } from './lambda';
import { translateTable } from './dynamodb';
import { translateRestApi } from './apiGateway';
import { translateDistribution } from './cloudFront';

const refOf = (e: DiscoveredEntity) => `resource:default/${e.metadata.name}`;

/** Valid as the store will hold it, once the connection gave an owner. */
function expectValid(entity: DiscoveredEntity) {
  expect(
    validateMaestroEntity({
      ...entity,
      spec: { ...entity.spec, owner: 'group:default/sre' },
    }),
  ).toEqual([]);
  expect(entity.metadata.name).toMatch(/^[a-z0-9][a-z0-9._-]{0,61}[a-z0-9]$/);
}

describe('translateBucket', () => {
  it('makes an ObjectStorage resource in the bucket region', () => {
    const bucket = translateBucket(buckets[0], 'us-west-2');
    expect(bucket.apiVersion).toBe('backstage.io/v1alpha1');
    expect(bucket.kind).toBe('Resource');
    expect(bucket.metadata).toEqual({
      name: stableName(
        'amzn-s3-demo-bucket',
        'arn:aws:s3:::amzn-s3-demo-bucket',
      ),
      title: 'amzn-s3-demo-bucket',
    });
    expect(bucket.spec).toEqual({
      type: 'object-storage',
      family: 'ObjectStorage',
      provider: 'S3 (AWS)',
      uniqueId: 'arn:aws:s3:::amzn-s3-demo-bucket',
      status: 'Active',
      active: true,
      datacenter: { provider: 'AWS', region: 'us-west-2' },
      role: {
        endpoint: 'https://amzn-s3-demo-bucket.s3.us-west-2.amazonaws.com',
      },
      properties: { creationDate: '2019-10-30T17:19:32.000Z' },
    });
    expectValid(bucket);
  });

  it('builds the ARN of its partition when ListBuckets gives none', () => {
    expect(translateBucket(buckets[1], 'cn-north-1').spec?.uniqueId).toBe(
      'arn:aws-cn:s3:::examplebucket-cn',
    );
  });

  it.each([
    [undefined, 'us-east-1'],
    ['', 'us-east-1'],
    ['EU', 'eu-west-1'],
    ['ap-south-1', 'ap-south-1'],
  ])('reads location constraint %p as %s', (constraint, region) => {
    expect(bucketRegion(constraint)).toBe(region);
  });
});

describe('translateQueue', () => {
  const [main, deadLetters, fifo] = Object.entries(queueAttributes).map(
    ([url, attributes]) => translateQueue(url, attributes, 'us-east-1'),
  );

  it('makes a Broker resource depending on its dead-letter queue', () => {
    expect(main.metadata.title).toBe('MyQueue');
    expect(main.spec).toMatchObject({
      type: 'broker',
      family: 'Broker',
      provider: 'SQS (AWS)',
      uniqueId: 'arn:aws:sqs:us-east-1:177715257436:MyQueue',
      role: {
        endpoint: 'https://sqs.us-east-1.amazonaws.com/177715257436/MyQueue',
      },
      queues: ['MyQueue'],
      dependencies: [
        { target: refOf(deadLetters), description: 'dead-letter queue' },
      ],
      properties: {
        fifo: false,
        visibilityTimeout: 30,
        messageRetentionPeriod: 345600,
        createdAt: '2023-02-17T20:22:17.000Z',
        deadLetterTargetArn:
          'arn:aws:sqs:us-east-1:177715257436:MyDeadLetterQueue',
      },
    });
    // A message count changes all the time; recording it would rewrite
    // the record at every scan.
    expect(JSON.stringify(main)).not.toContain('ApproximateNumberOfMessages');
    expectValid(main);
    expectValid(deadLetters);
  });

  it('keeps a FIFO queue and ignores a redrive policy it cannot read', () => {
    expect(fifo.spec?.properties).toEqual({ fifo: true });
    expect(fifo.spec).not.toHaveProperty('dependencies');
  });
});

describe('translateFunction and translateLayer', () => {
  const layer = translateLayer(layers[0], 'us-west-2');

  it('makes a Serverless resource that depends on its layers', () => {
    const fn = translateFunction(functions[0], 'us-west-2');
    expect(fn.metadata).toMatchObject({
      title: 'my-function',
      description: 'Resizes images',
    });
    expect(fn.spec).toMatchObject({
      type: 'serverless',
      family: 'Serverless',
      provider: 'Lambda (AWS)',
      status: 'Active',
      active: true,
      role: {
        handler: 'index.handler',
        memory: 128,
        timeout: 3,
        runtime: 'nodejs20.x',
      },
      properties: {
        vpcId: 'vpc-0123456789abcdef0',
        subnetIds: ['subnet-071f712345678e7c8'],
        securityGroupIds: ['sg-085912345678492fb'],
        executionRole: 'arn:aws:iam::123456789012:role/lambda-role',
      },
    });
    const dependencies = fn.spec?.dependencies as Array<{ target: string }>;
    expect(dependencies.map(d => d.target)).toEqual([
      refOf(layer),
      `resource:default/${stableName(
        'LambdaInsightsExtension',
        'arn:aws:lambda:us-west-2:580247275435:layer:LambdaInsightsExtension',
      )}`,
    ]);
    expectValid(fn);
  });

  it('never records environment variables', () => {
    const fn = translateFunction(functions[0], 'us-west-2');
    expect(JSON.stringify(fn)).not.toContain('hunter2');
    expect(JSON.stringify(fn)).not.toContain('DB_PASSWORD');
  });

  it('maps a failed function and leaves out an empty VPC config', () => {
    const fn = translateFunction(functions[1], 'us-west-2');
    expect(fn.spec).toMatchObject({ status: 'Error', active: true });
    expect(fn.spec?.properties).not.toHaveProperty('vpcId');
    expect(fn.spec).not.toHaveProperty('dependencies');
  });

  it('records a layer with its latest version', () => {
    expect(layer.metadata.title).toBe('my-layer');
    expect(layer.spec).toMatchObject({
      provider: 'Lambda Layer (AWS)',
      uniqueId: 'arn:aws:lambda:us-west-2:123456789012:layer:my-layer',
      properties: {
        latestVersion: 3,
        compatibleRuntimes: ['python3.12', 'python3.11'],
        license: 'MIT',
      },
    });
    expectValid(layer);
  });
});

describe('translateTable', () => {
  it('makes a Key Value Database; a global table is multi-master', () => {
    const table = translateTable(tables[0], 'us-east-1');
    expect(table.spec).toMatchObject({
      type: 'database',
      family: 'Database',
      provider: 'DynamoDB (AWS)',
      uniqueId: 'arn:aws:dynamodb:us-east-1:123456789012:table/Music',
      status: 'Active',
      active: true,
      database: { form: 'generic', service: 'DynamoDB', type: 'Key Value' },
      cluster: 'Master/Master',
      properties: {
        billingMode: 'PROVISIONED',
        readCapacityUnits: 5,
        writeCapacityUnits: 5,
        keySchema: ['Artist (HASH)', 'SongTitle (RANGE)'],
        replicas: ['us-west-2', 'eu-west-1'],
        deletionProtection: true,
        createdAt: '2016-12-21T16:30:00.000Z',
      },
    });
    expect(table.spec?.properties).not.toHaveProperty('itemCount');
    expectValid(table);
  });

  it('marks a table being deleted inactive', () => {
    const table = translateTable(tables[1], 'us-east-1');
    expect(table.spec).toMatchObject({
      status: 'Stopped',
      active: false,
      cluster: 'Single Instance',
      properties: { billingMode: 'PAY_PER_REQUEST' },
    });
    expect(table.spec?.properties).not.toHaveProperty('readCapacityUnits');
  });
});

describe('translateRestApi', () => {
  it('makes an ApiGateway resource named by its id, with its tags', () => {
    const api = translateRestApi(restApis[0], 'us-east-1');
    expect(api.metadata).toEqual({
      name: stableName(
        'a1b2c3d4e5',
        'arn:aws:apigateway:us-east-1::/restapis/a1b2c3d4e5',
      ),
      title: 'PetStore',
      description: 'Your first API with Amazon API Gateway.',
      labels: { team: 'pets' },
    });
    expect(api.spec).toMatchObject({
      type: 'api-gateway',
      family: 'ApiGateway',
      role: {
        endpoint: 'https://a1b2c3d4e5.execute-api.us-east-1.amazonaws.com',
      },
      tags: [
        { key: 'team', value: 'pets' },
        { key: 'cost center', value: 'R&D / web' },
      ],
    });
    // Renaming an API keeps its record.
    expect(
      translateRestApi({ ...restApis[0], name: 'Pets v2' }, 'us-east-1')
        .metadata.name,
    ).toBe(api.metadata.name);
    expectValid(api);
  });

  it('has no endpoint when the execute-api endpoint is disabled', () => {
    expect(translateRestApi(restApis[1], 'us-east-1').spec?.role).toEqual({});
  });
});

describe('translateDistribution', () => {
  it('makes a CDN resource depending on the bucket and API it serves', () => {
    const cdn = translateDistribution(distributions[0]);
    expect(cdn.metadata.title).toBe('www.example.com');
    expect(cdn.spec).toMatchObject({
      type: 'cdn',
      family: 'CDN',
      provider: 'CloudFront (AWS)',
      status: 'Active',
      datacenter: { provider: 'AWS' },
      role: { endpoint: 'https://d111111abcdef8.cloudfront.net' },
      properties: {
        aliases: ['www.example.com'],
        deploymentStatus: 'Deployed',
        origins: [
          'amzn-s3-demo-bucket.s3.us-west-2.amazonaws.com',
          'a1b2c3d4e5.execute-api.us-east-1.amazonaws.com',
          'origin.example.com',
        ],
      },
    });
    expect(cdn.spec?.dependencies).toEqual([
      {
        target: refOf(translateBucket(buckets[0], 'us-west-2')),
        protocol: 'http',
        description: 'origin amzn-s3-demo-bucket.s3.us-west-2.amazonaws.com',
      },
      {
        target: refOf(translateRestApi(restApis[0], 'us-east-1')),
        protocol: 'http',
        description: 'origin a1b2c3d4e5.execute-api.us-east-1.amazonaws.com',
      },
    ]);
    expectValid(cdn);
  });

  it('is stopped when disabled and titled by its comment', () => {
    const cdn = translateDistribution(distributions[1]);
    expect(cdn.metadata.title).toBe('Marketing site');
    expect(cdn.spec).toMatchObject({ status: 'Stopped', active: true });
    // A dotted bucket name on the legacy global endpoint.
    expect(cdn.spec?.dependencies).toEqual([
      expect.objectContaining({
        target: refOf(translateBucket({ Name: 'my.site.bucket' }, 'us-east-1')),
      }),
    ]);
  });
});
