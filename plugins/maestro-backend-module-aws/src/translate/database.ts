import { DiscoveredEntity } from '@maestro/plugin-maestro-node';
import type { DBCluster, DBInstance } from '@aws-sdk/client-rds';
import { TranslationContext, compact } from './common';
import {
  listOrUndefined,
  managedResource,
  placement,
  sizeOfClass,
} from './managedResource';

/** Maestro's database service and form (`spec.database.form`) of an engine. */
function engineKind(engine: string): { service: string; form: string } {
  if (/mysql/.test(engine)) return { service: 'MySQL', form: 'mysql' };
  if (/mariadb/.test(engine)) return { service: 'MariaDB', form: 'mysql' };
  if (/postgres/.test(engine)) {
    return { service: 'PostgreSQL', form: 'generic' };
  }
  if (/^oracle/.test(engine)) return { service: 'Oracle', form: 'oracle' };
  if (/^sqlserver/.test(engine)) {
    return { service: 'SQL Server', form: 'generic' };
  }
  if (/^db2/.test(engine)) return { service: 'Db2', form: 'generic' };
  return { service: engine, form: 'generic' };
}

const provider = (engine: string) =>
  engine.startsWith('aurora') ? 'Aurora (AWS)' : 'RDS (AWS)';

/**
 * Maestro's status of an RDS status (instances and clusters): running
 * ones, maintenance included, are Active; stopped ones Stopped; broken
 * ones Error. Deleting ones are no longer active.
 */
export function databaseStatus(status: string | undefined): {
  status?: string;
  active: boolean;
} {
  if (!status) return { active: true };
  if (status === 'deleting') return { status: 'Stopped', active: false };
  if (/^(stopped|stopping|starting)$/.test(status)) {
    return { status: 'Stopped', active: true };
  }
  if (
    /^(failed|storage-full|restore-error|incompatible-.*|inaccessible-.*)$/.test(
      status,
    )
  ) {
    return { status: 'Error', active: true };
  }
  return { status: 'Active', active: true };
}

/**
 * An RDS DB instance as a Maestro database. Named by its resource id
 * (`db-...`), which survives a rename of the instance identifier.
 */
export function translateDbInstance(
  db: DBInstance,
  context: TranslationContext,
): DiscoveredEntity {
  const engine = db.Engine ?? 'unknown';
  const kind = engineKind(engine);
  const replicaOf = db.ReadReplicaSourceDBInstanceIdentifier;
  const replicas = db.ReadReplicaDBInstanceIdentifiers ?? [];
  const role = replicaOf ? 'Replica' : 'Master';
  const name = db.DbiResourceId ?? db.DBInstanceArn!;
  return managedResource({
    family: 'Database',
    name,
    title: db.DBInstanceIdentifier!,
    tags: db.TagList,
    spec: {
      uniqueId: name,
      provider: provider(engine),
      ...databaseStatus(db.DBInstanceStatus),
      size: sizeOfClass(db.DBInstanceClass),
      cluster:
        db.MultiAZ || replicaOf || replicas.length || db.DBClusterIdentifier
          ? 'Master/Replica'
          : 'Single Instance',
      role: compact({
        endpoint: db.Endpoint?.Address,
        port: db.Endpoint?.Port,
      }),
      database: compact({
        form: kind.form,
        service: kind.service,
        type: 'Relational',
        role,
        mysqlRole: kind.form === 'mysql' ? role : undefined,
        auroraCluster: db.DBClusterIdentifier,
        engine,
        engineVersion: db.EngineVersion,
        instanceClass: db.DBInstanceClass,
        storage: compact({
          allocatedGb: db.AllocatedStorage,
          type: db.StorageType,
          iops: db.Iops,
          encrypted: db.StorageEncrypted,
        }),
        multiAz: db.MultiAZ,
        dbName: db.DBName,
        replicaOf,
        replicas: listOrUndefined(replicas),
        vpcId: db.DBSubnetGroup?.VpcId,
        subnetGroup: db.DBSubnetGroup?.DBSubnetGroupName,
        securityGroups: listOrUndefined(
          (db.VpcSecurityGroups ?? []).map(g => g.VpcSecurityGroupId),
        ),
        arn: db.DBInstanceArn,
      }),
      datacenter: placement(context, {
        zone: db.AvailabilityZone,
        instanceType: db.DBInstanceClass,
      }),
    },
  });
}

/**
 * An RDS DB cluster (Aurora, or a Multi-AZ cluster) as a Maestro database
 * with a writer and readers; its instances are databases of their own
 * that name the cluster in `spec.database.auroraCluster`.
 */
export function translateDbCluster(
  cluster: DBCluster,
  context: TranslationContext,
): DiscoveredEntity {
  const engine = cluster.Engine ?? 'unknown';
  const kind = engineKind(engine);
  const members = cluster.DBClusterMembers ?? [];
  const name = cluster.DbClusterResourceId ?? cluster.DBClusterArn!;
  return managedResource({
    family: 'Database',
    name,
    title: cluster.DBClusterIdentifier!,
    tags: cluster.TagList,
    spec: {
      uniqueId: name,
      provider: provider(engine),
      ...databaseStatus(cluster.Status),
      size: sizeOfClass(cluster.DBClusterInstanceClass),
      cluster: 'Master/Replica',
      role: compact({
        endpoint: cluster.Endpoint,
        port: cluster.Port,
        readerEndpoint: cluster.ReaderEndpoint,
      }),
      database: compact({
        form: kind.form,
        service: kind.service,
        type: 'Relational',
        auroraCluster: engine.startsWith('aurora')
          ? cluster.DBClusterIdentifier
          : undefined,
        engine,
        engineVersion: cluster.EngineVersion,
        engineMode: cluster.EngineMode,
        writer: members.find(m => m.IsClusterWriter)?.DBInstanceIdentifier,
        members: listOrUndefined(members.map(m => m.DBInstanceIdentifier)),
        storage: compact({
          allocatedGb: cluster.AllocatedStorage,
          type: cluster.StorageType,
          encrypted: cluster.StorageEncrypted,
        }),
        multiAz: cluster.MultiAZ,
        dbName: cluster.DatabaseName,
        availabilityZones: listOrUndefined(cluster.AvailabilityZones ?? []),
        subnetGroup: cluster.DBSubnetGroup,
        securityGroups: listOrUndefined(
          (cluster.VpcSecurityGroups ?? []).map(g => g.VpcSecurityGroupId),
        ),
        arn: cluster.DBClusterArn,
      }),
      datacenter: placement(context),
    },
  });
}
