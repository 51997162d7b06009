import { isoSeconds, macFor, uuidFor } from './ids';
import {
  FakeNetwork,
  FakePort,
  FakeRouter,
  FakeSecurityGroup,
  FakeSecurityGroupRule,
  FakeSubnet,
} from './openstackTypes';

/** The Neutron resources every region of the fake project starts with. */
export interface RegionNetworkPlan {
  networks: FakeNetwork[];
  subnets: FakeSubnet[];
  securityGroups: FakeSecurityGroup[];
  routers: FakeRouter[];
  /** DHCP and router ports; servers and load balancers add theirs. */
  ports: FakePort[];
  /** The project networks servers are placed on, with their IPv4 subnet. */
  placements: Array<{
    network: FakeNetwork;
    subnet: FakeSubnet;
    /** Security groups of servers on it (ids). */
    securityGroupIds: string[];
  }>;
  /** The external network floating IPs come from. */
  publicNetwork: FakeNetwork;
}

export interface NetworkPlanContext {
  key: (kind: string, n: number | string) => string;
  regionIndex: number;
  projectId: string;
  /** Project that owns the shared external network (the cloud's admin). */
  adminProjectId: string;
  baseTime: number;
}

function standard(
  ctx: NetworkPlanContext,
  kind: string,
  n: number | string,
  name: string,
  projectId = ctx.projectId,
) {
  return {
    id: uuidFor(ctx.key(kind, n)),
    name,
    description: '',
    project_id: projectId,
    tenant_id: projectId,
    tags: [] as string[],
    created_at: isoSeconds(ctx.baseTime),
    updated_at: isoSeconds(ctx.baseTime),
    revision_number: 1,
  };
}

/** The n-th usable host address of a /16 (`10.4.0.0/16`, 5 -> `10.4.0.15`). */
export function hostAddress(cidr: string, n: number): string {
  const [a, b] = cidr.split('.');
  const host = n + 10;
  return `${a}.${b}.${(host >> 8) & 255}.${host & 255}`;
}

function subnet(
  ctx: NetworkPlanContext,
  parent: FakeNetwork,
  n: number,
  name: string,
  cidr: string,
): FakeSubnet {
  const prefix = cidr.split('.').slice(0, 2).join('.');
  const created: FakeSubnet = {
    ...standard(ctx, 'subnet', n, name, parent.project_id),
    network_id: parent.id,
    ip_version: 4,
    cidr,
    gateway_ip: `${prefix}.0.1`,
    enable_dhcp: true,
    allocation_pools: [{ start: `${prefix}.0.2`, end: `${prefix}.255.254` }],
    dns_nameservers: [],
    host_routes: [],
    ipv6_address_mode: null,
    ipv6_ra_mode: null,
    subnetpool_id: null,
    segment_id: null,
    service_types: [],
  };
  parent.subnets.push(created.id);
  return created;
}

function network(
  ctx: NetworkPlanContext,
  n: number,
  name: string,
  external: boolean,
): FakeNetwork {
  return {
    ...standard(
      ctx,
      'network',
      n,
      name,
      external ? ctx.adminProjectId : ctx.projectId,
    ),
    admin_state_up: true,
    status: 'ACTIVE',
    shared: false,
    'router:external': external,
    mtu: external ? 1500 : 1442,
    subnets: [],
    availability_zones: ['nova'],
    availability_zone_hints: [],
    port_security_enabled: true,
    'provider:network_type': external ? 'flat' : 'geneve',
    is_default: external,
  };
}

/** A port Neutron holds for a device (server, DHCP agent, router, VIP). */
export function port(
  ctx: NetworkPlanContext,
  n: number | string,
  opts: {
    network: FakeNetwork;
    fixedIps: Array<{ subnet_id: string; ip_address: string }>;
    deviceId: string;
    deviceOwner: string;
    securityGroups?: string[];
    status?: string;
    name?: string;
  },
): FakePort {
  const base = standard(ctx, 'port', n, opts.name ?? '');
  return {
    ...base,
    network_id: opts.network.id,
    admin_state_up: true,
    status: opts.status ?? 'ACTIVE',
    mac_address: macFor(ctx.key('port', n)),
    fixed_ips: opts.fixedIps,
    device_id: opts.deviceId,
    device_owner: opts.deviceOwner,
    security_groups: opts.securityGroups ?? [],
    port_security_enabled: Boolean(opts.securityGroups?.length),
    allowed_address_pairs: [],
    'binding:vnic_type': 'normal',
    dns_name: '',
  };
}

function rule(
  ctx: NetworkPlanContext,
  group: string,
  n: number,
  fields: Partial<FakeSecurityGroupRule> &
    Pick<FakeSecurityGroupRule, 'direction'>,
): FakeSecurityGroupRule {
  return {
    id: uuidFor(ctx.key(`sg-rule-${group}`, n)),
    security_group_id: '',
    ethertype: 'IPv4',
    protocol: null,
    port_range_min: null,
    port_range_max: null,
    remote_ip_prefix: null,
    remote_group_id: null,
    description: '',
    project_id: ctx.projectId,
    tenant_id: ctx.projectId,
    created_at: isoSeconds(ctx.baseTime),
    updated_at: isoSeconds(ctx.baseTime),
    revision_number: 0,
    ...fields,
  };
}

function securityGroups(ctx: NetworkPlanContext): FakeSecurityGroup[] {
  const [def, web, db] = ['default', 'web', 'db'].map((name, g) => ({
    ...standard(ctx, 'security-group', g, name),
    description:
      name === 'default' ? 'Default security group' : `${name} servers`,
    stateful: true,
    security_group_rules: [] as FakeSecurityGroupRule[],
  }));
  const egress = (group: string) => [
    rule(ctx, group, 0, { direction: 'egress', ethertype: 'IPv4' }),
    rule(ctx, group, 1, { direction: 'egress', ethertype: 'IPv6' }),
  ];
  const tcp = (number: number) => ({
    protocol: 'tcp',
    port_range_min: number,
    port_range_max: number,
  });
  def.security_group_rules = [
    ...egress('default'),
    rule(ctx, 'default', 2, { direction: 'ingress', remote_group_id: def.id }),
  ];
  web.security_group_rules = [
    ...egress('web'),
    rule(ctx, 'web', 2, {
      direction: 'ingress',
      ...tcp(80),
      remote_ip_prefix: '0.0.0.0/0',
    }),
    rule(ctx, 'web', 3, {
      direction: 'ingress',
      ...tcp(443),
      remote_ip_prefix: '0.0.0.0/0',
    }),
  ];
  db.security_group_rules = [
    ...egress('db'),
    rule(ctx, 'db', 2, {
      direction: 'ingress',
      ...tcp(5432),
      remote_group_id: web.id,
    }),
  ];
  for (const group of [def, web, db]) {
    for (const r of group.security_group_rules) r.security_group_id = group.id;
  }
  return [def, web, db];
}

/**
 * A region's networks: the cloud's external `public` network, the project's
 * `private` and `db` networks with one IPv4 subnet each, a router between
 * them, DHCP ports and the default, web and db security groups.
 */
export function planRegionNetwork(ctx: NetworkPlanContext): RegionNetworkPlan {
  const r = ctx.regionIndex;
  const publicNet = network(ctx, 0, 'public', true);
  const privateNet = network(ctx, 1, 'private', false);
  const dbNet = network(ctx, 2, 'db', false);
  const publicSubnet = subnet(
    ctx,
    publicNet,
    0,
    'public-subnet',
    `172.${24 + (r % 8)}.0.0/16`,
  );
  const privateSubnet = subnet(
    ctx,
    privateNet,
    1,
    'private-subnet',
    `10.${(2 * r) % 256}.0.0/16`,
  );
  const dbSubnet = subnet(
    ctx,
    dbNet,
    2,
    'db-subnet',
    `10.${(2 * r + 1) % 256}.0.0/16`,
  );
  const groups = securityGroups(ctx);
  const router: FakeRouter = {
    ...standard(ctx, 'router', 0, 'router1'),
    admin_state_up: true,
    status: 'ACTIVE',
    external_gateway_info: {
      network_id: publicNet.id,
      enable_snat: true,
      external_fixed_ips: [
        {
          subnet_id: publicSubnet.id,
          ip_address: hostAddress(publicSubnet.cidr, 0),
        },
      ],
    },
    routes: [],
    distributed: false,
    ha: false,
    availability_zones: ['nova'],
    availability_zone_hints: [],
  };
  const ports: FakePort[] = [
    port(ctx, 'router-gw', {
      network: publicNet,
      fixedIps: router.external_gateway_info!.external_fixed_ips,
      deviceId: router.id,
      deviceOwner: 'network:router_gateway',
    }),
  ];
  [privateSubnet, dbSubnet].forEach((s, i) => {
    const net = i === 0 ? privateNet : dbNet;
    ports.push(
      port(ctx, `router-if-${i}`, {
        network: net,
        fixedIps: [{ subnet_id: s.id, ip_address: s.gateway_ip! }],
        deviceId: router.id,
        deviceOwner: 'network:router_interface',
      }),
      port(ctx, `dhcp-${i}`, {
        network: net,
        fixedIps: [
          { subnet_id: s.id, ip_address: s.allocation_pools[0].start },
        ],
        deviceId: `dhcp${uuidFor(ctx.key('dhcp-agent', 0))}-${net.id}`,
        deviceOwner: 'network:dhcp',
      }),
    );
  });
  return {
    networks: [publicNet, privateNet, dbNet],
    subnets: [publicSubnet, privateSubnet, dbSubnet],
    securityGroups: groups,
    routers: [router],
    ports,
    placements: [
      {
        network: privateNet,
        subnet: privateSubnet,
        securityGroupIds: [groups[0].id, groups[1].id],
      },
      {
        network: dbNet,
        subnet: dbSubnet,
        securityGroupIds: [groups[0].id, groups[2].id],
      },
    ],
    publicNetwork: publicNet,
  };
}
