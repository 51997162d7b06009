import type { DBCluster, DBInstance } from '@aws-sdk/client-rds';
import { validateMaestroEntity } from '@maestro/plugin-maestro-common';
import {
  databaseStatus,
  translateDbCluster,
  translateDbInstance,
} from './database';

// After the RDS API reference's DescribeDBInstances and DescribeDBClusters
// examples, as the SDK parses them.
const mysql: DBInstance = {
  DBInstanceIdentifier: 'mydbinstance-1',
  DBInstanceClass: 'db.m5.large',
  Engine: 'mysql',
  DBInstanceStatus: 'available',
  MasterUsername: 'admin',
  DBName: 'orders',
  Endpoint: {
    Address: 'mydbinstance-1.c9akciq32.us-east-1.rds.amazonaws.com',
    Port: 3306,
    HostedZoneId: 'Z2R2ITUGPM61AM',
  },
  AllocatedStorage: 100,
  InstanceCreateTime: new Date('2023-11-08T18:14:56.520Z'),
  VpcSecurityGroups: [{ VpcSecurityGroupId: 'sg-6921cc28', Status: 'active' }],
  AvailabilityZone: 'us-east-1e',
  DBSubnetGroup: {
    DBSubnetGroupName: 'default',
    VpcId: 'vpc-136a4c6a',
    SubnetGroupStatus: 'Complete',
    Subnets: [],
  },
  MultiAZ: true,
  EngineVersion: '8.0.35',
  ReadReplicaDBInstanceIdentifiers: ['mydbinstance-1-replica'],
  StorageType: 'gp3',
  StorageEncrypted: true,
  DbiResourceId: 'db-5555EXAMPLE44444444EXAMPLE',
  DBInstanceArn: 'arn:aws:rds:us-east-1:123456789012:db:mydbinstance-1',
  TagList: [
    { Key: 'Name', Value: 'orders' },
    { Key: 'cost-center', Value: 'sales' },
  ],
};

const auroraMember: DBInstance = {
  DBInstanceIdentifier: 'mydbcluster-instance-2',
  DBInstanceClass: 'db.r6g.large',
  Engine: 'aurora-postgresql',
  DBInstanceStatus: 'storage-optimization',
  Endpoint: {
    Address: 'mydbcluster-instance-2.c9akciq32.us-east-1.rds.amazonaws.com',
    Port: 5432,
  },
  AvailabilityZone: 'us-east-1b',
  MultiAZ: false,
  EngineVersion: '15.4',
  DBClusterIdentifier: 'mydbcluster',
  DbiResourceId: 'db-2222EXAMPLE33333333EXAMPLE',
  DBInstanceArn: 'arn:aws:rds:us-east-1:123456789012:db:mydbcluster-instance-2',
};

const cluster: DBCluster = {
  AllocatedStorage: 1,
  AvailabilityZones: ['us-east-1a', 'us-east-1b', 'us-east-1e'],
  DatabaseName: 'orders',
  DBClusterIdentifier: 'mydbcluster',
  DBSubnetGroup: 'default',
  Status: 'available',
  Endpoint: 'mydbcluster.cluster-c9akciq32.us-east-1.rds.amazonaws.com',
  ReaderEndpoint:
    'mydbcluster.cluster-ro-c9akciq32.us-east-1.rds.amazonaws.com',
  MultiAZ: true,
  Engine: 'aurora-postgresql',
  EngineVersion: '15.4',
  Port: 5432,
  DBClusterMembers: [
    { DBInstanceIdentifier: 'mydbcluster-instance-1', IsClusterWriter: true },
    {
      DBInstanceIdentifier: 'mydbcluster-instance-2',
      IsClusterWriter: false,
    },
  ],
  VpcSecurityGroups: [{ VpcSecurityGroupId: 'sg-6921cc28', Status: 'active' }],
  StorageEncrypted: true,
  DbClusterResourceId: 'cluster-ANPAJ4AE5446DAEXAMPLE',
  DBClusterArn: 'arn:aws:rds:us-east-1:123456789012:cluster:mydbcluster',
  EngineMode: 'provisioned',
};

const context = { region: 'us-east-1' };
const withOwner = (e: any) => ({
  ...e,
  spec: { ...e.spec, owner: 'group:default/sre' },
});

describe('translateDbInstance', () => {
  it('makes a Database resource in the MySQL form, named by its resource id', () => {
    const db = translateDbInstance(mysql, context);
    expect(db).toEqual({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Resource',
      metadata: {
        name: 'db-5555example44444444example',
        title: 'mydbinstance-1',
        labels: { Name: 'orders', 'cost-center': 'sales' },
      },
      spec: {
        type: 'database',
        family: 'Database',
        uniqueId: 'db-5555EXAMPLE44444444EXAMPLE',
        provider: 'RDS (AWS)',
        status: 'Active',
        active: true,
        size: 'large',
        cluster: 'Master/Replica',
        role: {
          endpoint: 'mydbinstance-1.c9akciq32.us-east-1.rds.amazonaws.com',
          port: 3306,
        },
        database: {
          form: 'mysql',
          service: 'MySQL',
          type: 'Relational',
          role: 'Master',
          mysqlRole: 'Master',
          engine: 'mysql',
          engineVersion: '8.0.35',
          instanceClass: 'db.m5.large',
          storage: { allocatedGb: 100, type: 'gp3', encrypted: true },
          multiAz: true,
          dbName: 'orders',
          replicas: ['mydbinstance-1-replica'],
          vpcId: 'vpc-136a4c6a',
          subnetGroup: 'default',
          securityGroups: ['sg-6921cc28'],
          arn: 'arn:aws:rds:us-east-1:123456789012:db:mydbinstance-1',
        },
        datacenter: {
          provider: 'AWS',
          region: 'us-east-1',
          zone: 'us-east-1e',
          instanceType: 'db.m5.large',
        },
        tags: [
          { key: 'Name', value: 'orders' },
          { key: 'cost-center', value: 'sales' },
        ],
      },
    });
    expect(validateMaestroEntity(withOwner(db))).toEqual([]);
  });

  it('names the Aurora cluster of a member instance', () => {
    const db = translateDbInstance(auroraMember, context);
    expect(db.spec).toMatchObject({
      provider: 'Aurora (AWS)',
      status: 'Active',
      cluster: 'Master/Replica',
      database: {
        form: 'generic',
        service: 'PostgreSQL',
        auroraCluster: 'mydbcluster',
      },
    });
    expect((db.spec as any).database).not.toHaveProperty('mysqlRole');
  });

  it('keeps a single read replica apart from its source', () => {
    const db = translateDbInstance(
      {
        ...mysql,
        MultiAZ: false,
        ReadReplicaDBInstanceIdentifiers: [],
        ReadReplicaSourceDBInstanceIdentifier: 'mydbinstance-0',
      },
      context,
    );
    expect(db.spec).toMatchObject({
      cluster: 'Master/Replica',
      database: {
        role: 'Replica',
        mysqlRole: 'Replica',
        replicaOf: 'mydbinstance-0',
      },
    });
    const single = translateDbInstance(
      { ...mysql, MultiAZ: false, ReadReplicaDBInstanceIdentifiers: [] },
      context,
    );
    expect(single.spec).toMatchObject({ cluster: 'Single Instance' });
  });

  it.each([
    ['available', 'Active', true],
    ['backing-up', 'Active', true],
    ['stopped', 'Stopped', true],
    ['starting', 'Stopped', true],
    ['storage-full', 'Error', true],
    ['incompatible-parameters', 'Error', true],
    ['deleting', 'Stopped', false],
  ])('maps status %s', (status, expected, active) => {
    expect(databaseStatus(status)).toEqual({ status: expected, active });
  });
});

describe('translateDbCluster', () => {
  it('makes one database with its writer, readers and endpoints', () => {
    const db = translateDbCluster(cluster, context);
    expect(db.metadata).toEqual({
      name: 'cluster-anpaj4ae5446daexample',
      title: 'mydbcluster',
    });
    expect(db.spec).toMatchObject({
      type: 'database',
      provider: 'Aurora (AWS)',
      uniqueId: 'cluster-ANPAJ4AE5446DAEXAMPLE',
      status: 'Active',
      cluster: 'Master/Replica',
      role: {
        endpoint: 'mydbcluster.cluster-c9akciq32.us-east-1.rds.amazonaws.com',
        port: 5432,
        readerEndpoint:
          'mydbcluster.cluster-ro-c9akciq32.us-east-1.rds.amazonaws.com',
      },
      database: {
        auroraCluster: 'mydbcluster',
        writer: 'mydbcluster-instance-1',
        members: ['mydbcluster-instance-1', 'mydbcluster-instance-2'],
        availabilityZones: ['us-east-1a', 'us-east-1b', 'us-east-1e'],
      },
      datacenter: { provider: 'AWS', region: 'us-east-1' },
    });
    expect(validateMaestroEntity(withOwner(db))).toEqual([]);
  });
});
