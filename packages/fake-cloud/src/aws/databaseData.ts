/**
 * Generated RDS of a region: DB instances (some read replicas) and Aurora
 * clusters whose writer and reader instances are DB instances too, in the
 * region's second (production) VPC.
 */
import type {
  FakeSecurityGroup,
  FakeSubnet,
  FakeTag,
  FakeVpc,
} from './awsData';
import { BASE_TIME, upperId } from './generation';

export interface FakeDbInstance {
  dbInstanceIdentifier: string;
  /** `db-` and 26 characters: the id that survives a rename. */
  dbiResourceId: string;
  engine: string;
  engineVersion: string;
  dbInstanceClass: string;
  allocatedStorage: number;
  storageType: string;
  iops?: number;
  status: string;
  multiAz: boolean;
  address: string;
  port: number;
  availabilityZone: string;
  secondaryAvailabilityZone?: string;
  vpcId: string;
  subnetGroupName: string;
  subnets: Array<{ subnetId: string; zone: string }>;
  securityGroupIds: string[];
  dbClusterIdentifier?: string;
  readReplicaSourceIdentifier?: string;
  readReplicaIdentifiers: string[];
  masterUsername: string;
  dbName?: string;
  storageEncrypted: boolean;
  createTime: string;
  tags: FakeTag[];
}

export interface FakeDbCluster {
  dbClusterIdentifier: string;
  dbClusterResourceId: string;
  engine: string;
  engineVersion: string;
  status: string;
  endpoint: string;
  readerEndpoint: string;
  port: number;
  multiAz: boolean;
  members: Array<{ dbInstanceIdentifier: string; isClusterWriter: boolean }>;
  availabilityZones: string[];
  securityGroupIds: string[];
  subnetGroupName: string;
  storageEncrypted: boolean;
  databaseName: string;
  masterUsername: string;
  createTime: string;
  tags: FakeTag[];
}

const DB_ENGINES = [
  { engine: 'mysql', version: '8.0.35', port: 3306, user: 'admin' },
  { engine: 'postgres', version: '16.1', port: 5432, user: 'postgres' },
  { engine: 'mariadb', version: '10.11.6', port: 3306, user: 'admin' },
  {
    engine: 'oracle-se2',
    version: '19.0.0.0.ru-2024-01.rur-2024-01.r1',
    port: 1521,
    user: 'admin',
  },
  {
    engine: 'sqlserver-se',
    version: '15.00.4345.5.v1',
    port: 1433,
    user: 'admin',
  },
];
const AURORA_ENGINES = [
  { engine: 'aurora-mysql', version: '8.0.mysql_aurora.3.05.2', port: 3306 },
  { engine: 'aurora-postgresql', version: '15.4', port: 5432 },
];
const DB_CLASSES = ['db.t3.micro', 'db.m5.large', 'db.r5.xlarge'];
const DB_STATUSES = [
  'available',
  'available',
  'available',
  'stopped',
  'backing-up',
];
/**
 * `count` standalone DB instances (one in five a read replica of the one
 * four before it), and Aurora clusters (one per five instances, at least
 * one), each with a writer and a reader that DescribeDBInstances lists too.
 */
export function generateDatabases(
  region: string,
  regionIndex: number,
  ec2: {
    vpcs: FakeVpc[];
    subnets: FakeSubnet[];
    securityGroups: FakeSecurityGroup[];
  },
  opts: { count: number; rand: () => number },
): { dbInstances: FakeDbInstance[]; dbClusters: FakeDbCluster[] } {
  const { count, rand } = opts;
  const vpc = ec2.vpcs[1];
  const subnets = ec2.subnets.filter(s => s.vpcId === vpc.vpcId);
  const dbGroup = ec2.securityGroups.find(
    g => g.vpcId === vpc.vpcId && g.groupName === 'db',
  )!;
  const range = (n: number) => Array.from({ length: n }, (_, i) => i);
  const hash = upperId(regionIndex, 0, 7, 12).toLowerCase();
  const dbSubnets = subnets.map(s => ({
    subnetId: s.subnetId,
    zone: s.availabilityZone,
  }));

  const dbInstances: FakeDbInstance[] = range(count).map(i => {
    // One in five is a read replica of the instance four before it.
    const replica = i % 5 === 4;
    const kind = DB_ENGINES[(replica ? i - 4 : i) % DB_ENGINES.length];
    const identifier = `${kind.engine.split('-')[0]}-${i}`;
    const zone = subnets[i % subnets.length].availabilityZone;
    const multiAz = i % 3 === 0;
    return {
      dbInstanceIdentifier: identifier,
      dbiResourceId: `db-${upperId(regionIndex, 1, i)}`,
      engine: kind.engine,
      engineVersion: kind.version,
      dbInstanceClass: DB_CLASSES[i % DB_CLASSES.length],
      allocatedStorage: [20, 100, 500][i % 3],
      storageType: i % 4 === 3 ? 'io1' : 'gp3',
      iops: i % 4 === 3 ? 3000 : undefined,
      status: DB_STATUSES[i % DB_STATUSES.length],
      multiAz,
      address: `${identifier}.${hash}.${region}.rds.amazonaws.com`,
      port: kind.port,
      availabilityZone: zone,
      secondaryAvailabilityZone: multiAz
        ? subnets[(i + 1) % subnets.length].availabilityZone
        : undefined,
      vpcId: vpc.vpcId,
      subnetGroupName: 'maestro-prod-db',
      subnets: dbSubnets,
      securityGroupIds: [dbGroup.groupId],
      readReplicaIdentifiers: [],
      masterUsername: kind.user,
      dbName: kind.engine.startsWith('sqlserver') ? undefined : `app${i}`,
      storageEncrypted: rand() < 0.7,
      createTime: new Date(BASE_TIME + i * 86400000).toISOString(),
      tags: [
        { key: 'Name', value: `database ${i}` },
        { key: 'team', value: ['payments', 'catalog', 'search'][i % 3] },
      ],
    };
  });
  for (const [i, replica] of dbInstances.entries()) {
    if (i % 5 !== 4) continue;
    const source = dbInstances[i - 4];
    replica.readReplicaSourceIdentifier = source.dbInstanceIdentifier;
    source.readReplicaIdentifiers.push(replica.dbInstanceIdentifier);
  }

  const dbClusters: FakeDbCluster[] = range(
    count ? Math.max(1, Math.floor(count / 5)) : 0,
  ).map(c => {
    const kind = AURORA_ENGINES[c % AURORA_ENGINES.length];
    const identifier = `aurora-${c}`;
    const members = [1, 2].map(m => `${identifier}-instance-${m}`);
    members.forEach((member, m) =>
      dbInstances.push({
        dbInstanceIdentifier: member,
        dbiResourceId: `db-${upperId(regionIndex, 2, c * 2 + m)}`,
        engine: kind.engine,
        engineVersion: kind.version,
        dbInstanceClass: 'db.r6g.large',
        allocatedStorage: 1,
        storageType: 'aurora',
        status: 'available',
        multiAz: false,
        address: `${member}.${hash}.${region}.rds.amazonaws.com`,
        port: kind.port,
        availabilityZone: subnets[m % subnets.length].availabilityZone,
        vpcId: vpc.vpcId,
        subnetGroupName: 'maestro-prod-db',
        subnets: dbSubnets,
        securityGroupIds: [dbGroup.groupId],
        dbClusterIdentifier: identifier,
        readReplicaIdentifiers: [],
        masterUsername: 'admin',
        storageEncrypted: true,
        createTime: new Date(BASE_TIME + c * 86400000).toISOString(),
        tags: [{ key: 'cluster', value: identifier }],
      }),
    );
    return {
      dbClusterIdentifier: identifier,
      dbClusterResourceId: `cluster-${upperId(regionIndex, 3, c)}`,
      engine: kind.engine,
      engineVersion: kind.version,
      status: 'available',
      endpoint: `${identifier}.cluster-${hash}.${region}.rds.amazonaws.com`,
      readerEndpoint: `${identifier}.cluster-ro-${hash}.${region}.rds.amazonaws.com`,
      port: kind.port,
      multiAz: true,
      members: members.map((m, k) => ({
        dbInstanceIdentifier: m,
        isClusterWriter: k === 0,
      })),
      availabilityZones: subnets.map(s => s.availabilityZone),
      securityGroupIds: [dbGroup.groupId],
      subnetGroupName: 'maestro-prod-db',
      storageEncrypted: true,
      databaseName: `orders${c}`,
      masterUsername: 'admin',
      createTime: new Date(BASE_TIME + c * 86400000).toISOString(),
      tags: [{ key: 'Name', value: `orders ${c}` }],
    };
  });

  return { dbInstances, dbClusters };
}
