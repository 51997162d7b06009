import { BASE_TIME, isoSeconds, uuidFor } from './ids';
import {
  NetworkPlanContext,
  RegionNetworkPlan,
  hostAddress,
  port,
} from './openstackNetworkData';
import {
  FakeLoadBalancer,
  FakePool,
  FakePort,
  FakeServer,
} from './openstackTypes';

/**
 * Octavia load balancers on the private subnet: a VIP port each, and one
 * pool whose members are two running servers of that subnet.
 */
export function generateLoadBalancers(opts: {
  ctx: NetworkPlanContext;
  regionName: string;
  projectId: string;
  count: number;
  placement: RegionNetworkPlan['placements'][number];
  servers: FakeServer[];
}): {
  loadBalancers: FakeLoadBalancer[];
  pools: FakePool[];
  vipPorts: FakePort[];
} {
  const { ctx, count: lbCount, placement: privatePlacement } = opts;
  const key = ctx.key;
  const loadBalancers: FakeLoadBalancer[] = [];
  const pools: FakePool[] = [];
  const vipPorts: FakePort[] = [];
  const behind = opts.servers.filter(
    s => s.status === 'ACTIVE' && s.addresses[privatePlacement.network.name],
  );
  for (let k = 0; k < lbCount; k++) {
    const id = uuidFor(key('loadbalancer', k));
    const vipAddress = hostAddress(privatePlacement.subnet.cidr, 60000 + k);
    const vipPort = port(ctx, `vip-${k}`, {
      network: privatePlacement.network,
      fixedIps: [
        { subnet_id: privatePlacement.subnet.id, ip_address: vipAddress },
      ],
      deviceId: `lb-${id}`,
      deviceOwner: 'Octavia',
      name: `octavia-lb-${id}`,
    });
    vipPorts.push(vipPort);
    const poolId = uuidFor(key('pool', k));
    const targets = [
      behind[(2 * k) % Math.max(behind.length, 1)],
      behind[(2 * k + 1) % Math.max(behind.length, 1)],
    ].filter((s, i, all) => s && all.indexOf(s) === i);
    pools.push({
      id: poolId,
      name: `pool-${k}`,
      loadbalancerId: id,
      members: targets.map((s, m) => ({
        id: uuidFor(key(`member-${k}`, m)),
        name: s.name,
        address: s.addresses[privatePlacement.network.name][0].addr,
        protocol_port: 80,
        subnet_id: privatePlacement.subnet.id,
        weight: 1,
        backup: false,
        admin_state_up: true,
        provisioning_status: 'ACTIVE',
        operating_status: 'ONLINE',
        monitor_address: null,
        monitor_port: null,
        project_id: opts.projectId,
        tags: [],
        created_at: isoSeconds(BASE_TIME),
        updated_at: null,
      })),
    });
    loadBalancers.push({
      id,
      name: `lb-${opts.regionName.toLowerCase()}-${k}`,
      description: `Web front ${k}`,
      admin_state_up: true,
      provisioning_status: 'ACTIVE',
      operating_status:
        k === lbCount - 1 && lbCount > 1 ? 'DEGRADED' : 'ONLINE',
      provider: 'amphora',
      flavor_id: null,
      availability_zone: null,
      vip_address: vipAddress,
      vip_network_id: privatePlacement.network.id,
      vip_subnet_id: privatePlacement.subnet.id,
      vip_port_id: vipPort.id,
      vip_qos_policy_id: null,
      additional_vips: [],
      listeners: [{ id: uuidFor(key('listener', k)) }],
      pools: [{ id: poolId }],
      project_id: opts.projectId,
      tags: ['web'],
      created_at: isoSeconds(BASE_TIME),
      updated_at: isoSeconds(BASE_TIME),
    });
  }

  return { loadBalancers, pools, vipPorts };
}
