import {
  BASE_TIME,
  hexIdFor,
  isoMicros,
  isoSeconds,
  seededRandom,
  uuidFor,
} from './ids';
import { generateFlavors, generateImages } from './openstackImageData';
import { generateLoadBalancers } from './openstackLoadBalancerData';
import { hostAddress, planRegionNetwork, port } from './openstackNetworkData';
import {
  FakeOpenStackRegion,
  FakeServer,
  FakeVolume,
  FakeVolumeSnapshot,
  NovaServerStatus,
  ProjectIdentity,
} from './openstackTypes';

export interface OpenStackGenerationOptions {
  /** Region ids of the catalog. Default `['RegionOne', 'RegionTwo']`. */
  regions?: string[];
  /** Servers per region, in mixed states, each with its port. Default 20. */
  serversPerRegion?: number;
  /** Volumes besides boot volumes; every other one attached. Default 6. */
  extraVolumesPerRegion?: number;
  /** Snapshots of the first volumes. Default 5. */
  snapshotsPerRegion?: number;
  /** Glance images (public and private). Default 4. */
  imagesPerRegion?: number;
  /** Octavia load balancers, each with a pool of servers. Default 2. */
  loadBalancersPerRegion?: number;
  /** Flavors beyond DevStack's defaults (UUID ids). Default 0. */
  extraFlavors?: number;
  /** Seed of the generator (same seed, same data). Default 42. */
  seed?: number;
}

const STATUSES: Array<[number, NovaServerStatus, string, number]> = [
  // [cumulative probability, status, vm_state, power_state]
  [0.7, 'ACTIVE', 'active', 1],
  [0.82, 'SHUTOFF', 'stopped', 4],
  [0.85, 'PAUSED', 'paused', 3],
  [0.88, 'SUSPENDED', 'suspended', 7],
  [0.91, 'SHELVED_OFFLOADED', 'shelved_offloaded', 4],
  [0.94, 'BUILD', 'building', 0],
  [0.97, 'ERROR', 'error', 0],
  [1, 'SOFT_DELETED', 'soft-delete', 4],
];

/** Generates one region of the project. */
export function generateOpenStackRegion(
  name: string,
  regionIndex: number,
  ids: ProjectIdentity,
  options: OpenStackGenerationOptions = {},
): FakeOpenStackRegion {
  const seed = options.seed ?? 42;
  const rand = seededRandom(seed + regionIndex * 7919);
  const pick = <T>(items: T[]) => items[Math.floor(rand() * items.length)];
  const key = (kind: string, n: number | string) =>
    `${seed}/${name}/${kind}/${n}`;
  const ctx = {
    key,
    regionIndex,
    projectId: ids.projectId,
    adminProjectId: ids.adminProjectId,
    baseTime: BASE_TIME,
  };
  const net = planRegionNetwork(ctx);
  const regionFlavors = generateFlavors(options.extraFlavors ?? 0);
  const publicFlavors = regionFlavors.filter(
    f => f['os-flavor-access:is_public'],
  );
  const regionImages = generateImages(key, options.imagesPerRegion ?? 4, ids);
  const bootable = regionImages.filter(i => i.status === 'active');
  const ports = [...net.ports];
  const servers: FakeServer[] = [];
  const volumes: FakeVolume[] = [];
  const devices = new Map<string, number>();

  const volume = (
    n: number | string,
    fields: Partial<FakeVolume> & Pick<FakeVolume, 'size'>,
  ): FakeVolume => ({
    id: uuidFor(key('volume', n)),
    name: null,
    description: null,
    status: 'available',
    availability_zone: 'nova',
    bootable: 'false',
    encrypted: false,
    multiattach: false,
    volume_type: 'lvmdriver-1',
    snapshot_id: null,
    source_volid: null,
    attachments: [],
    metadata: {},
    created_at: isoMicros(BASE_TIME),
    updated_at: isoMicros(BASE_TIME),
    user_id: ids.userId,
    'os-vol-tenant-attr:tenant_id': ids.projectId,
    replication_status: null,
    consistencygroup_id: null,
    migration_status: null,
    group_id: null,
    ...fields,
  });
  const attach = (vol: FakeVolume, server: FakeServer) => {
    const used = devices.get(server.id) ?? (server.imageId ? 1 : 0);
    devices.set(server.id, used + 1);
    vol.status = 'in-use';
    vol.attachments.push({
      id: vol.id,
      attachment_id: uuidFor(key('attachment', vol.id)),
      volume_id: vol.id,
      server_id: server.id,
      host_name: null,
      device: `/dev/vd${String.fromCharCode(97 + used)}`,
      attached_at: isoMicros(BASE_TIME),
    });
    server['os-extended-volumes:volumes_attached'].push({ id: vol.id });
  };

  const serverCount = options.serversPerRegion ?? 20;
  for (let n = 0; n < serverCount; n++) {
    const r = rand();
    const [, status, vmState, powerState] = STATUSES.find(s => r < s[0])!;
    const placement = rand() < 0.7 ? net.placements[0] : net.placements[1];
    const fromVolume = rand() < 0.1;
    const env = pick(['production', 'staging', 'development']);
    const id = uuidFor(key('server', n));
    const server: FakeServer = {
      id,
      name: `app-${name.toLowerCase()}-${n}`,
      status,
      'OS-EXT-STS:vm_state': vmState,
      'OS-EXT-STS:power_state': powerState,
      'OS-EXT-STS:task_state': status === 'BUILD' ? 'spawning' : null,
      'OS-EXT-AZ:availability_zone': pick(['nova', 'nova', 'az-2']),
      'OS-SRV-USG:launched_at':
        status === 'BUILD' ? null : isoMicros(BASE_TIME + n * 60000 + 9000),
      'OS-SRV-USG:terminated_at': null,
      'OS-DCF:diskConfig': 'MANUAL',
      accessIPv4: '',
      accessIPv6: '',
      addresses: {},
      config_drive: '',
      created: isoSeconds(BASE_TIME + n * 60000),
      updated: isoSeconds(BASE_TIME + n * 60000 + 10000),
      flavorId: pick(publicFlavors).id,
      imageId: fromVolume ? '' : pick(bootable).id,
      hostId: uuidFor(key('host', n % 7)).replace(/-/g, ''),
      key_name: rand() < 0.8 ? `${name.toLowerCase()}-deploy` : null,
      metadata: { env, role: pick(['web', 'worker', 'db']) },
      tags: ['maestro', env],
      description: null,
      'os-extended-volumes:volumes_attached': [],
      progress: status === 'BUILD' ? 40 : 0,
      security_groups: [],
      tenant_id: ids.projectId,
      user_id: ids.userId,
    };
    if (status !== 'BUILD') {
      const p = port(ctx, `server-${n}`, {
        network: placement.network,
        fixedIps: [
          {
            subnet_id: placement.subnet.id,
            ip_address: hostAddress(placement.subnet.cidr, n),
          },
        ],
        deviceId: id,
        deviceOwner: `compute:${server['OS-EXT-AZ:availability_zone']}`,
        securityGroups: placement.securityGroupIds,
        status: status === 'ACTIVE' ? 'ACTIVE' : 'DOWN',
      });
      ports.push(p);
      const addresses: FakeServer['addresses'][string] = [
        {
          'OS-EXT-IPS-MAC:mac_addr': p.mac_address,
          'OS-EXT-IPS:type': 'fixed',
          addr: p.fixed_ips[0].ip_address,
          version: 4,
        },
      ];
      if (status === 'ACTIVE' && rand() < 0.3) {
        addresses.push({
          'OS-EXT-IPS-MAC:mac_addr': p.mac_address,
          'OS-EXT-IPS:type': 'floating',
          addr: hostAddress(net.subnets[0].cidr, n + 1),
          version: 4,
        });
      }
      server.addresses[placement.network.name] = addresses;
      server.security_groups = net.securityGroups
        .filter(g => placement.securityGroupIds.includes(g.id))
        .map(g => ({ name: g.name }));
    }
    servers.push(server);
    if (fromVolume) {
      const boot = volume(`boot-${n}`, {
        size: pick([20, 40]),
        bootable: 'true',
        availability_zone: server['OS-EXT-AZ:availability_zone'],
        volume_image_metadata: {
          image_id: bootable[0].id,
          image_name: bootable[0].name,
        },
        created_at: isoMicros(BASE_TIME + n * 60000),
      });
      volumes.push(boot);
      attach(boot, server);
    }
  }

  const extra = options.extraVolumesPerRegion ?? 6;
  for (let n = 0; n < extra; n++) {
    const vol = volume(n, {
      name: `data-${name.toLowerCase()}-${n}`,
      size: pick([10, 100, 500]),
      volume_type: pick(['lvmdriver-1', 'ceph-ssd']),
      encrypted: rand() < 0.5,
      metadata: { purpose: 'data' },
      created_at: isoMicros(BASE_TIME + n * 1000),
    });
    const owner =
      n % 2 === 0 && servers.length ? servers[n % servers.length] : undefined;
    if (owner && owner.status !== 'BUILD') attach(vol, owner);
    else if (n === extra - 1 && extra > 3) vol.status = 'error';
    volumes.push(vol);
  }

  const snapshots: FakeVolumeSnapshot[] = volumes
    .slice(0, options.snapshotsPerRegion ?? 5)
    .map((v, i) => ({
      id: uuidFor(key('snapshot', i)),
      name: `backup-${i}`,
      description: `Backup of ${v.name ?? v.id}`,
      status: 'available',
      size: v.size,
      volume_id: v.id,
      metadata: {},
      created_at: isoMicros(BASE_TIME + i * 3600000),
      updated_at: isoMicros(BASE_TIME + i * 3600000),
      'os-extended-snapshot-attributes:progress': '100%',
      'os-extended-snapshot-attributes:project_id': ids.projectId,
    }));

  const { loadBalancers, pools, vipPorts } = generateLoadBalancers({
    ctx,
    regionName: name,
    projectId: ids.projectId,
    count: options.loadBalancersPerRegion ?? 2,
    placement: net.placements[0],
    servers,
  });
  ports.push(...vipPorts);

  return {
    name,
    flavors: regionFlavors,
    servers,
    volumes,
    snapshots,
    images: regionImages,
    networks: net.networks,
    subnets: net.subnets,
    ports,
    routers: net.routers,
    securityGroups: net.securityGroups,
    loadBalancers,
    pools,
  };
}

/** The project, user and admin project ids of a seed. */
export function projectIdentity(seed = 42): ProjectIdentity {
  return {
    projectId: hexIdFor(`${seed}/project`),
    userId: hexIdFor(`${seed}/user`),
    adminProjectId: hexIdFor(`${seed}/admin-project`),
  };
}
