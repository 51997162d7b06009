/**
 * Generated network ACLs of a region: a default one per VPC, and custom
 * ones in the production VPC; every subnet is associated with exactly one.
 */
import type { FakeSubnet, FakeTag, FakeVpc } from './awsData';
import { hexId } from './generation';

export interface FakeNetworkAclEntry {
  ruleNumber: number;
  /** `-1` (all), or a protocol number such as `6` (TCP). */
  protocol: string;
  ruleAction: 'allow' | 'deny';
  egress: boolean;
  cidrBlock: string;
  portRange?: { from: number; to: number };
}

export interface FakeNetworkAcl {
  networkAclId: string;
  vpcId: string;
  isDefault: boolean;
  subnetIds: string[];
  entries: FakeNetworkAclEntry[];
  tags: FakeTag[];
}

function defaultAclEntries(): FakeNetworkAclEntry[] {
  return [false, true].flatMap(egress => [
    {
      ruleNumber: 100,
      protocol: '-1',
      ruleAction: 'allow' as const,
      egress,
      cidrBlock: '0.0.0.0/0',
    },
    {
      ruleNumber: 32767,
      protocol: '-1',
      ruleAction: 'deny' as const,
      egress,
      cidrBlock: '0.0.0.0/0',
    },
  ]);
}

function webAclEntries(): FakeNetworkAclEntry[] {
  return [
    ...[443, 80].map((port, i) => ({
      ruleNumber: 100 + i * 10,
      protocol: '6',
      ruleAction: 'allow' as const,
      egress: false,
      cidrBlock: '0.0.0.0/0',
      portRange: { from: port, to: port },
    })),
    ...defaultAclEntries().filter(e => e.egress || e.ruleNumber === 32767),
  ];
}

/** A default ACL per VPC, and `count` custom ones in the second VPC. */
export function generateNetworkAcls(
  regionIndex: number,
  ec2: { vpcs: FakeVpc[]; subnets: FakeSubnet[] },
  count: number,
): FakeNetworkAcl[] {
  const prodVpc = ec2.vpcs[1];
  const prodSubnets = ec2.subnets.filter(s => s.vpcId === prodVpc.vpcId);
  const range = (n: number) => Array.from({ length: n }, (_, i) => i);
  const name = (value: string) => [{ key: 'Name', value }];
  // Every subnet has one ACL: the custom ones take the first prod
  // subnets, each VPC's default ACL the rest of its subnets.
  const customAcls: FakeNetworkAcl[] = range(count).map(i => ({
    networkAclId: hexId('acl', regionIndex, 100 + i),
    vpcId: prodVpc.vpcId,
    isDefault: false,
    subnetIds: i < prodSubnets.length ? [prodSubnets[i].subnetId] : [],
    entries: webAclEntries(),
    tags: name(`prod-web-${i}`),
  }));
  const taken = new Set(customAcls.flatMap(a => a.subnetIds));
  const defaultAcls: FakeNetworkAcl[] = ec2.vpcs.map((vpc, v) => ({
    networkAclId: hexId('acl', regionIndex, v),
    vpcId: vpc.vpcId,
    isDefault: true,
    subnetIds: ec2.subnets
      .filter(s => s.vpcId === vpc.vpcId && !taken.has(s.subnetId))
      .map(s => s.subnetId),
    entries: defaultAclEntries(),
    tags: [],
  }));

  return [...defaultAcls, ...customAcls];
}
