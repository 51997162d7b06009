import type { TableDescription } from '@aws-sdk/client-dynamodb';
import { DiscoveredEntity } from '@maestro/plugin-maestro-node';
import { compact } from './common';
import { listOrUndefined } from './managedResource';
import { AWS_PROVIDERS, resourceEntity } from './resourceEntity';

const TABLE_STATUS: Record<string, { status: string; active: boolean }> = {
  ACTIVE: { status: 'Active', active: true },
  CREATING: { status: 'Active', active: true },
  UPDATING: { status: 'Active', active: true },
  // Going away, as a terminating instance is.
  DELETING: { status: 'Stopped', active: false },
  ARCHIVING: { status: 'Stopped', active: true },
  ARCHIVED: { status: 'Stopped', active: true },
  INACCESSIBLE_ENCRYPTION_CREDENTIALS: { status: 'Error', active: true },
};

/**
 * A DynamoDB table (DescribeTable) as a Database resource of Maestro's
 * "Key Value" type; a global table's replicas make it a multi-master
 * cluster. Item count and size are left out: DynamoDB refreshes them every
 * few hours, and a record should change only when the table does.
 */
export function translateTable(
  table: TableDescription,
  region: string,
): DiscoveredEntity {
  const status = TABLE_STATUS[table.TableStatus ?? 'ACTIVE'] ?? {
    status: table.TableStatus!,
    active: true,
  };
  const replicas = listOrUndefined(
    (table.Replicas ?? []).map(r => r.RegionName!).filter(Boolean),
  );
  const billingMode = table.BillingModeSummary?.BillingMode ?? 'PROVISIONED';
  const provisioned = billingMode === 'PROVISIONED';
  return resourceEntity(
    {
      family: 'Database',
      provider: AWS_PROVIDERS.dynamodb,
      arn: table.TableArn!,
      title: table.TableName!,
      region,
      ...status,
    },
    {
      // Maestro's generic database form, of its "Key Value" type.
      database: { form: 'generic', service: 'DynamoDB', type: 'Key Value' },
      cluster: replicas ? 'Master/Master' : 'Single Instance',
      properties: compact({
        billingMode,
        readCapacityUnits: provisioned
          ? table.ProvisionedThroughput?.ReadCapacityUnits
          : undefined,
        writeCapacityUnits: provisioned
          ? table.ProvisionedThroughput?.WriteCapacityUnits
          : undefined,
        keySchema: listOrUndefined(
          (table.KeySchema ?? []).map(k => `${k.AttributeName} (${k.KeyType})`),
        ),
        tableClass: table.TableClassSummary?.TableClass,
        streamArn: table.LatestStreamArn,
        replicas,
        deletionProtection: table.DeletionProtectionEnabled,
        createdAt: table.CreationDateTime?.toISOString(),
      }),
    },
  );
}
