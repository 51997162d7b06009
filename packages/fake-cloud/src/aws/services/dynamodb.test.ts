import { FakeCloud, startFakeCloud } from '../../FakeCloud';
import { awsJsonCall } from './__testUtils__/awsRequest';
import { FakeDynamoDb } from './dynamodb';

describe('fake DynamoDB (AWS JSON 1.0)', () => {
  let fake: FakeCloud;
  const call = (action: string, body: unknown, region = 'us-east-1') =>
    awsJsonCall(fake, 'dynamodb', `DynamoDB_20120810.${action}`, body, region);

  beforeAll(async () => {
    fake = await startFakeCloud({
      aws: { regions: ['us-east-1', 'eu-west-1'], servicesPerRegion: 5 },
    });
  });
  afterAll(() => fake.close());
  afterEach(() => fake.aws.resetSwitches());

  it('pages ListTables by ExclusiveStartTableName and LastEvaluatedTableName', async () => {
    const names: string[] = [];
    let start: string | undefined;
    let pages = 0;
    do {
      const { status, json } = await call('ListTables', {
        Limit: 2,
        ...(start ? { ExclusiveStartTableName: start } : {}),
      });
      expect(status).toBe(200);
      names.push(...json.TableNames);
      start = json.LastEvaluatedTableName;
      pages++;
    } while (start);
    expect(pages).toBe(3);
    const tables = (fake.aws.services.get('dynamodb') as FakeDynamoDb).tables(
      'us-east-1',
    );
    expect(names).toEqual(tables.map(t => t.name));
    expect([...names].sort()).toEqual(names);
  });

  it('describes a table; the first is global across the regions', async () => {
    const { json } = await call('DescribeTable', { TableName: 'customers-0' });
    expect(json.Table).toMatchObject({
      TableName: 'customers-0',
      TableArn: 'arn:aws:dynamodb:us-east-1:123456789012:table/customers-0',
      TableStatus: 'ACTIVE',
      KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
      BillingModeSummary: { BillingMode: 'PAY_PER_REQUEST' },
      Replicas: [{ RegionName: 'eu-west-1', ReplicaStatus: 'ACTIVE' }],
    });
    expect(typeof json.Table.CreationDateTime).toBe('number');
    const other = await call('DescribeTable', { TableName: 'orders-1' });
    expect(other.json.Table.KeySchema).toEqual([
      { AttributeName: 'pk', KeyType: 'HASH' },
      { AttributeName: 'sk', KeyType: 'RANGE' },
    ]);
    expect(other.json.Table.Replicas).toBeUndefined();
  });

  it("answers errors in DynamoDB's __type names", async () => {
    const missing = await call('DescribeTable', { TableName: 'nope' });
    expect(missing.status).toBe(400);
    expect(missing.json).toEqual({
      __type: 'com.amazonaws.dynamodb.v20120810#ResourceNotFoundException',
      message: 'Requested resource not found: Table: nope not found',
    });
    const invalid = await call('ListTables', { Limit: 101 });
    expect(invalid.json.__type).toBe(
      'com.amazon.coral.validate#ValidationException',
    );
    fake.aws.throttleNext = 1;
    expect((await call('ListTables', {})).json.__type).toBe(
      'com.amazonaws.dynamodb.v20120810#ThrottlingException',
    );
    fake.aws.badCredentials = true;
    expect((await call('ListTables', {})).json).toEqual({
      __type: 'com.amazon.coral.service#UnrecognizedClientException',
      message: 'The security token included in the request is invalid.',
    });
  });
});
