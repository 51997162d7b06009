import { FakeDbCluster, FakeDbInstance, FakeTag } from '../awsData';
import { AwsError } from '../ec2';
import { AwsServiceContext, AwsServiceFake } from './types';
import {
  QueryNode,
  QueryPaging,
  members,
  queryPage,
  queryService,
} from './queryProtocol';

/**
 * Amazon RDS (API version 2014-10-31): DescribeDBInstances and
 * DescribeDBClusters, paged by Marker/MaxRecords (20 to 100), with the
 * list element names the RDS API reference uses (`DBInstance`, `Tag`...).
 */

const PAGING: QueryPaging = {
  tokenParam: 'Marker',
  sizeParam: 'MaxRecords',
  min: 20,
  max: 100,
  defaultSize: 100,
  sizeError: value =>
    new AwsError(
      400,
      'InvalidParameterValue',
      `Invalid value ${value} for MaxRecords. Must be between 20 and 100`,
    ),
};

const tagList = (tags: FakeTag[]) =>
  members(
    tags.map(t => ({ Key: t.key, Value: t.value })),
    'Tag',
  );

const securityGroups = (ids: string[]) =>
  members(
    ids.map(id => ({ VpcSecurityGroupId: id, Status: 'active' })),
    'VpcSecurityGroupMembership',
  );

function licenseModel(engine: string) {
  if (engine.startsWith('oracle')) return 'bring-your-own-license';
  if (engine.startsWith('sqlserver')) return 'license-included';
  return 'general-public-license';
}

function instanceXml(db: FakeDbInstance, ctx: AwsServiceContext): QueryNode {
  return {
    DBInstanceIdentifier: db.dbInstanceIdentifier,
    DBInstanceClass: db.dbInstanceClass,
    Engine: db.engine,
    DBInstanceStatus: db.status,
    MasterUsername: db.masterUsername,
    DBName: db.dbName,
    Endpoint: {
      Address: db.address,
      Port: db.port,
      HostedZoneId: 'Z2R2ITUGPM61AM',
    },
    AllocatedStorage: db.allocatedStorage,
    InstanceCreateTime: db.createTime,
    PreferredBackupWindow: '03:00-03:30',
    BackupRetentionPeriod: 7,
    DBSecurityGroups: members([], 'DBSecurityGroup'),
    VpcSecurityGroups: securityGroups(db.securityGroupIds),
    DBParameterGroups: members(
      [
        {
          DBParameterGroupName: `default.${db.engine}`,
          ParameterApplyStatus: 'in-sync',
        },
      ],
      'DBParameterGroup',
    ),
    AvailabilityZone: db.availabilityZone,
    DBSubnetGroup: {
      DBSubnetGroupName: db.subnetGroupName,
      DBSubnetGroupDescription: 'Production databases',
      VpcId: db.vpcId,
      SubnetGroupStatus: 'Complete',
      Subnets: members(
        db.subnets.map(s => ({
          SubnetIdentifier: s.subnetId,
          SubnetAvailabilityZone: { Name: s.zone },
          SubnetStatus: 'Active',
        })),
        'Subnet',
      ),
    },
    PreferredMaintenanceWindow: 'sun:05:00-sun:05:30',
    PendingModifiedValues: {},
    MultiAZ: db.multiAz,
    EngineVersion: db.engineVersion,
    AutoMinorVersionUpgrade: true,
    ReadReplicaSourceDBInstanceIdentifier: db.readReplicaSourceIdentifier,
    ReadReplicaDBInstanceIdentifiers: members(
      db.readReplicaIdentifiers,
      'ReadReplicaDBInstanceIdentifier',
    ),
    LicenseModel: licenseModel(db.engine),
    Iops: db.iops,
    SecondaryAvailabilityZone: db.secondaryAvailabilityZone,
    PubliclyAccessible: false,
    StorageType: db.storageType,
    DbInstancePort: 0,
    DBClusterIdentifier: db.dbClusterIdentifier,
    StorageEncrypted: db.storageEncrypted,
    DbiResourceId: db.dbiResourceId,
    CACertificateIdentifier: 'rds-ca-rsa2048-g1',
    CopyTagsToSnapshot: true,
    DBInstanceArn: `arn:aws:rds:${ctx.regionName}:${ctx.accountId}:db:${db.dbInstanceIdentifier}`,
    IAMDatabaseAuthenticationEnabled: false,
    PerformanceInsightsEnabled: false,
    DeletionProtection: db.multiAz,
    TagList: tagList(db.tags),
    NetworkType: 'IPV4',
  };
}

function clusterXml(c: FakeDbCluster, ctx: AwsServiceContext): QueryNode {
  return {
    AllocatedStorage: 1,
    AvailabilityZones: members(c.availabilityZones, 'AvailabilityZone'),
    BackupRetentionPeriod: 7,
    DatabaseName: c.databaseName,
    DBClusterIdentifier: c.dbClusterIdentifier,
    DBClusterParameterGroup: `default.${c.engine}`,
    DBSubnetGroup: c.subnetGroupName,
    Status: c.status,
    Endpoint: c.endpoint,
    ReaderEndpoint: c.readerEndpoint,
    MultiAZ: c.multiAz,
    Engine: c.engine,
    EngineVersion: c.engineVersion,
    Port: c.port,
    MasterUsername: c.masterUsername,
    PreferredBackupWindow: '03:00-03:30',
    PreferredMaintenanceWindow: 'sun:05:00-sun:05:30',
    ReadReplicaIdentifiers: members([], 'ReadReplicaIdentifier'),
    DBClusterMembers: members(
      c.members.map(m => ({
        DBInstanceIdentifier: m.dbInstanceIdentifier,
        IsClusterWriter: m.isClusterWriter,
        DBClusterParameterGroupStatus: 'in-sync',
        PromotionTier: 1,
      })),
      'DBClusterMember',
    ),
    VpcSecurityGroups: securityGroups(c.securityGroupIds),
    HostedZoneId: 'Z2R2ITUGPM61AM',
    StorageEncrypted: c.storageEncrypted,
    DbClusterResourceId: c.dbClusterResourceId,
    DBClusterArn: `arn:aws:rds:${ctx.regionName}:${ctx.accountId}:cluster:${c.dbClusterIdentifier}`,
    IAMDatabaseAuthenticationEnabled: false,
    ClusterCreateTime: c.createTime,
    EngineMode: 'provisioned',
    DeletionProtection: true,
    TagList: tagList(c.tags),
  };
}

export function createRdsFake(): AwsServiceFake {
  return queryService({
    '2014-10-31': {
      xmlns: 'http://rds.amazonaws.com/doc/2014-10-31/',
      actions: {
        DescribeDBInstances(params, ctx) {
          const id = params.get('DBInstanceIdentifier');
          const all = id
            ? ctx.region.dbInstances.filter(d => d.dbInstanceIdentifier === id)
            : ctx.region.dbInstances;
          if (id && !all.length) {
            throw new AwsError(
              404,
              'DBInstanceNotFound',
              `DBInstance ${id} not found.`,
            );
          }
          const page = queryPage(all, params, PAGING);
          return {
            DBInstances: members(
              page.items.map(db => instanceXml(db, ctx)),
              'DBInstance',
            ),
            Marker: page.token,
          };
        },
        DescribeDBClusters(params, ctx) {
          const id = params.get('DBClusterIdentifier');
          const all = id
            ? ctx.region.dbClusters.filter(c => c.dbClusterIdentifier === id)
            : ctx.region.dbClusters;
          if (id && !all.length) {
            throw new AwsError(
              404,
              'DBClusterNotFoundFault',
              `DBCluster ${id} not found.`,
            );
          }
          const page = queryPage(all, params, PAGING);
          return {
            DBClusters: members(
              page.items.map(c => clusterXml(c, ctx)),
              'DBCluster',
            ),
            Marker: page.token,
          };
        },
      },
    },
  });
}
