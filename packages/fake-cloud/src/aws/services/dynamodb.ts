import { FakeRequest } from '../../http';
import { AwsError } from '../ec2';
import { AwsServiceContext, AwsServiceFake } from './types';
import {
  CORAL,
  awsJsonError,
  awsJsonResponse,
  jsonBody,
  jsonTarget,
} from './jsonProtocol';
import { GENERATED_AT, seededId } from './serviceData';

/** A table of the fake account, as DescribeTable describes it. */
export interface FakeTable {
  name: string;
  arn: string;
  id: string;
  status: 'ACTIVE' | 'CREATING' | 'UPDATING' | 'DELETING';
  /** Epoch seconds. */
  createdAt: number;
  itemCount: number;
  sizeBytes: number;
  billingMode: 'PROVISIONED' | 'PAY_PER_REQUEST';
  readCapacity: number;
  writeCapacity: number;
  /** Sort key, besides the partition key `pk`. */
  sortKey?: string;
  streamArn?: string;
  /** Other regions of a global table. */
  replicas: string[];
}

const DYNAMODB = 'com.amazonaws.dynamodb.v20120810';
const VALIDATE = 'com.amazon.coral.validate';

const ERRORS: Record<
  string,
  { namespace: string; code: string; status: number; message?: string }
> = {
  InvalidClientTokenId: {
    namespace: CORAL,
    code: 'UnrecognizedClientException',
    status: 400,
  },
  AccessDenied: {
    namespace: CORAL,
    code: 'AccessDeniedException',
    status: 400,
  },
  AccessDeniedException: {
    namespace: CORAL,
    code: 'AccessDeniedException',
    status: 400,
  },
  RequestLimitExceeded: {
    namespace: DYNAMODB,
    code: 'ThrottlingException',
    status: 400,
    message: 'Rate of requests exceeds the allowed throughput.',
  },
  InternalError: {
    namespace: DYNAMODB,
    code: 'InternalServerError',
    status: 500,
    message: 'Internal server error',
  },
  ValidationException: {
    namespace: VALIDATE,
    code: 'ValidationException',
    status: 400,
  },
};

const validation = (message: string) =>
  new AwsError(400, 'ValidationException', message);

/**
 * Amazon DynamoDB in AWS JSON 1.0 (`X-Amz-Target:
 * DynamoDB_20120810.<Action>`): ListTables paged by
 * ExclusiveStartTableName/Limit/LastEvaluatedTableName, and DescribeTable.
 */
export class FakeDynamoDb implements AwsServiceFake {
  private readonly regions = new Map<string, FakeTable[]>();

  /** The tables of a region the fake has served, sorted by name as listed. */
  tables(region: string): FakeTable[] {
    const tables = this.regions.get(region);
    if (!tables) {
      throw new Error(
        `No DynamoDB tables in ${region} yet: a region is generated at its first request`,
      );
    }
    return tables;
  }

  action(request: FakeRequest) {
    return jsonTarget(request, 'DynamoDB_20120810');
  }

  handle(request: FakeRequest, context: AwsServiceContext) {
    const tables = this.regionTables(context);
    const body = jsonBody(request);
    switch (this.action(request)) {
      case 'ListTables':
        return awsJsonResponse(listTables(tables, body), context.requestId);
      case 'DescribeTable':
        return awsJsonResponse(
          { Table: describeTable(tables, body) },
          context.requestId,
        );
      default:
        throw new AwsError(
          400,
          'UnknownOperationException',
          `The operation ${this.action(
            request,
          )} is not supported by this fake.`,
        );
    }
  }

  error(error: AwsError, requestId: string) {
    const known = ERRORS[error.code];
    return awsJsonError(
      {
        namespace: known?.namespace ?? DYNAMODB,
        code: known?.code ?? error.code,
        status: known?.status ?? error.status,
        message: known?.message ?? error.message,
      },
      requestId,
    );
  }

  private regionTables(context: AwsServiceContext): FakeTable[] {
    let tables = this.regions.get(context.regionName);
    if (!tables) {
      tables = generateTables(context);
      this.regions.set(context.regionName, tables);
    }
    return tables;
  }
}

function listTables(tables: FakeTable[], body: Record<string, any>) {
  const limit = body.Limit ?? 100;
  if (!Number.isInteger(limit) || limit < 1 || limit > 100) {
    throw validation(
      `1 validation error detected: Value '${limit}' at 'limit' failed to satisfy constraint: Member must have value ${
        limit < 1 ? 'greater than or equal to 1' : 'less than or equal to 100'
      }`,
    );
  }
  const start = body.ExclusiveStartTableName as string | undefined;
  const sorted = [...tables].sort((a, b) => (a.name < b.name ? -1 : 1));
  const after = start ? sorted.filter(t => t.name > start) : sorted;
  const page = after.slice(0, limit).map(t => t.name);
  return {
    TableNames: page,
    ...(after.length > limit
      ? { LastEvaluatedTableName: page[page.length - 1] }
      : {}),
  };
}

function describeTable(tables: FakeTable[], body: Record<string, any>) {
  const wanted = String(body.TableName ?? '');
  const table = tables.find(t => t.name === wanted || t.arn === wanted);
  if (!table) {
    throw new AwsError(
      400,
      'ResourceNotFoundException',
      `Requested resource not found: Table: ${wanted} not found`,
    );
  }
  const keys = [
    { AttributeName: 'pk', KeyType: 'HASH' },
    ...(table.sortKey
      ? [{ AttributeName: table.sortKey, KeyType: 'RANGE' }]
      : []),
  ];
  return {
    TableName: table.name,
    TableArn: table.arn,
    TableId: table.id,
    TableStatus: table.status,
    CreationDateTime: table.createdAt,
    ItemCount: table.itemCount,
    TableSizeBytes: table.sizeBytes,
    KeySchema: keys,
    AttributeDefinitions: keys.map(k => ({
      AttributeName: k.AttributeName,
      AttributeType: 'S',
    })),
    BillingModeSummary: { BillingMode: table.billingMode },
    ProvisionedThroughput: {
      ReadCapacityUnits: table.readCapacity,
      WriteCapacityUnits: table.writeCapacity,
      NumberOfDecreasesToday: 0,
    },
    ...(table.streamArn
      ? {
          StreamSpecification: {
            StreamEnabled: true,
            StreamViewType: 'NEW_AND_OLD_IMAGES',
          },
          LatestStreamArn: table.streamArn,
          LatestStreamLabel: table.streamArn.split('/').pop(),
        }
      : {}),
    ...(table.replicas.length
      ? {
          GlobalTableVersion: '2019.11.21',
          Replicas: table.replicas.map(r => ({
            RegionName: r,
            ReplicaStatus: 'ACTIVE',
          })),
        }
      : {}),
    TableClassSummary: { TableClass: 'STANDARD' },
    DeletionProtectionEnabled: table.replicas.length > 0,
  };
}

const TABLE_NAMES = ['customers', 'orders', 'sessions', 'events'];

/** `servicesPerRegion` tables; the first is global across the account's regions. */
function generateTables(context: AwsServiceContext): FakeTable[] {
  const { regionName, accountId, regionNames } = context;
  const regionIndex = Math.max(regionNames.indexOf(regionName), 0);
  return Array.from({ length: context.servicesPerRegion }, (_, n) => {
    const name = `${TABLE_NAMES[n % TABLE_NAMES.length]}-${n}`;
    const arn = `arn:aws:dynamodb:${regionName}:${accountId}:table/${name}`;
    const createdAt =
      (GENERATED_AT + (regionIndex * 1000 + n) * 3_600_000) / 1000;
    const onDemand = n % 2 === 0;
    const id = seededId(arn, 32);
    return {
      name,
      arn,
      id: `${id.slice(0, 8)}-${id.slice(8, 12)}-${id.slice(12, 16)}-${id.slice(
        16,
        20,
      )}-${id.slice(20, 32)}`,
      status: 'ACTIVE' as const,
      createdAt,
      itemCount: n * 1250,
      sizeBytes: n * 1250 * 180,
      billingMode: onDemand
        ? ('PAY_PER_REQUEST' as const)
        : ('PROVISIONED' as const),
      readCapacity: onDemand ? 0 : 5 * (n + 1),
      writeCapacity: onDemand ? 0 : 5 * (n + 1),
      sortKey: n % 3 === 1 ? 'sk' : undefined,
      streamArn:
        n % 2 === 1
          ? `${arn}/stream/${new Date(createdAt * 1000)
              .toISOString()
              .replace(/Z$/, '')}`
          : undefined,
      replicas: n === 0 ? regionNames.filter(r => r !== regionName) : [],
    };
  }).sort((a, b) => (a.name < b.name ? -1 : 1));
}

export function createDynamodbFake(): AwsServiceFake {
  return new FakeDynamoDb();
}
