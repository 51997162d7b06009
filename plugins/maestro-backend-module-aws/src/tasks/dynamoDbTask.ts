import {
  DescribeTableCommand,
  DynamoDBClient,
  paginateListTables,
} from '@aws-sdk/client-dynamodb';
import { dynamoDbClient } from '../serviceClients';
import { translateTable } from '../translate/dynamodb';
import { awsPages, describeListed, mapConcurrent } from './awsCalls';
import { serviceTask } from './serviceTask';

/** ListTables answers at most 100 names a page. */
export const TABLES_PAGE_SIZE = 100;

/** A table's description; undefined for a table deleted since it was listed. */
async function describe(client: DynamoDBClient, name: string) {
  const out = await describeListed(
    'dynamodb:DescribeTable',
    'ResourceNotFoundException',
    () => client.send(new DescribeTableCommand({ TableName: name })),
  );
  return out?.Table;
}

export const DYNAMODB_LIST = serviceTask<DynamoDBClient>({
  name: 'dynamodb-list',
  description: 'DynamoDB tables',
  permissions: ['dynamodb:ListTables', 'dynamodb:DescribeTable'],
  coverage: 'regional',
  client: dynamoDbClient,
  async *pages(client, scan) {
    const pages = paginateListTables(
      { client, pageSize: TABLES_PAGE_SIZE },
      {},
    );
    for await (const page of awsPages('dynamodb:ListTables', pages)) {
      const tables = await mapConcurrent(page.TableNames ?? [], 8, name =>
        describe(client, name),
      );
      yield tables.flatMap(t => (t ? [translateTable(t, scan.region)] : []));
    }
  },
});
