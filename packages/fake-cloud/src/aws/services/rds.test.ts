import { FakeCloud, startFakeCloud } from '../../FakeCloud';
import { allPages, blocks, queryCall, texts } from './queryTestClient';

const RDS = { Version: '2014-10-31' };
const MARKER = { request: 'Marker', response: 'Marker' };

describe('fake RDS', () => {
  let fake: FakeCloud;
  beforeAll(async () => {
    fake = await startFakeCloud({
      aws: {
        regions: ['us-east-1'],
        instancesPerRegion: 10,
        servicesPerRegion: 40,
      },
    });
  });
  afterAll(() => fake.close());

  it('pages DB instances by Marker with MaxRecords, in RDS element names', async () => {
    const bodies = await allPages(
      fake,
      'rds',
      { ...RDS, Action: 'DescribeDBInstances', MaxRecords: '20' },
      MARKER,
    );
    const instances = fake.aws.region('us-east-1').dbInstances;
    // 40 standalone and two per Aurora cluster (8).
    expect(instances).toHaveLength(56);
    expect(bodies).toHaveLength(3);
    expect(bodies[0]).toContain(
      '<DescribeDBInstancesResponse xmlns="http://rds.amazonaws.com/doc/2014-10-31/"><DescribeDBInstancesResult><DBInstances><DBInstance>',
    );
    const all = bodies.flatMap(b => blocks(b, 'DBInstance'));
    expect(all.flatMap(b => texts(b, 'DBInstanceIdentifier'))).toEqual(
      instances.map(d => d.dbInstanceIdentifier),
    );
    expect(texts(all[0], 'Address')).toEqual([instances[0].address]);
    expect(all[0]).toContain(
      '<VpcSecurityGroups><VpcSecurityGroupMembership><VpcSecurityGroupId>',
    );
    expect(all[0]).toContain('<TagList><Tag><Key>Name</Key>');
    expect(texts(all[0], 'DBInstanceArn')).toEqual([
      `arn:aws:rds:us-east-1:123456789012:db:${instances[0].dbInstanceIdentifier}`,
    ]);
    // A read replica names its source, and the source its replicas.
    expect(texts(all[4], 'ReadReplicaSourceDBInstanceIdentifier')).toEqual([
      instances[0].dbInstanceIdentifier,
    ]);
    expect(texts(all[0], 'ReadReplicaDBInstanceIdentifier')).toEqual([
      instances[4].dbInstanceIdentifier,
    ]);
  });

  it('lists Aurora clusters with their member instances', async () => {
    const bodies = await allPages(
      fake,
      'rds',
      { ...RDS, Action: 'DescribeDBClusters', MaxRecords: '20' },
      MARKER,
    );
    const clusters = bodies.flatMap(b => blocks(b, 'DBCluster'));
    expect(clusters).toHaveLength(8);
    const members = texts(clusters[0], 'DBInstanceIdentifier');
    expect(members).toEqual(['aurora-0-instance-1', 'aurora-0-instance-2']);
    expect(texts(clusters[0], 'IsClusterWriter')).toEqual(['true', 'false']);
    const member = await queryCall(fake, 'rds', {
      ...RDS,
      Action: 'DescribeDBInstances',
      DBInstanceIdentifier: members[0],
    });
    expect(texts(member.body, 'DBClusterIdentifier')).toEqual(['aurora-0']);
  });

  it('answers errors as RDS does', async () => {
    const small = await queryCall(fake, 'rds', {
      ...RDS,
      Action: 'DescribeDBInstances',
      MaxRecords: '5',
    });
    expect(small.status).toBe(400);
    expect(texts(small.body, 'Code')).toEqual(['InvalidParameterValue']);
    expect(texts(small.body, 'Message')).toEqual([
      'Invalid value 5 for MaxRecords. Must be between 20 and 100',
    ]);
    const missing = await queryCall(fake, 'rds', {
      ...RDS,
      Action: 'DescribeDBInstances',
      DBInstanceIdentifier: 'nope',
    });
    expect(missing.status).toBe(404);
    expect(texts(missing.body, 'Code')).toEqual(['DBInstanceNotFound']);
    const tampered = await queryCall(fake, 'rds', {
      ...RDS,
      Action: 'DescribeDBClusters',
      Marker: 'bm90LWEtdG9rZW4=',
    });
    expect(tampered.status).toBe(400);
  });
});
