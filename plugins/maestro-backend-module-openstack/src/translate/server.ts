import { DiscoveredEntity } from '@maestro/plugin-maestro-node';
import {
  TranslationContext,
  compact,
  entity,
  flavorEntityName,
  placement,
  ref,
} from './common';
import { NovaFlavor, NovaServer, NeutronPort } from './openstackApi';

/** What a server page is translated with: the region's flavors and the servers' ports. */
export interface ServerLookups {
  /** Flavors by id (from `GET /flavors/detail`). */
  flavors: Map<string, NovaFlavor>;
  /** Neutron ports by `device_id` (the server's id). */
  ports: Map<string, NeutronPort[]>;
}

const RUNNING = new Set([
  'ACTIVE',
  'BUILD',
  'REBUILD',
  'REBOOT',
  'HARD_REBOOT',
  'PASSWORD',
  'RESIZE',
  'VERIFY_RESIZE',
  'REVERT_RESIZE',
  'MIGRATING',
  'RESCUE',
]);
const HALTED = new Set([
  'SHUTOFF',
  'SUSPENDED',
  'PAUSED',
  'SHELVED',
  'SHELVED_OFFLOADED',
]);

/** Maestro's status of a Nova status; soft-deleted and deleted servers are inactive. */
export function serverStatus(status: string | undefined): {
  status?: string;
  active: boolean;
} {
  const s = (status ?? '').toUpperCase();
  if (RUNNING.has(s)) return { status: 'Active', active: true };
  if (HALTED.has(s)) return { status: 'Stopped', active: true };
  if (s === 'ERROR') return { status: 'Error', active: true };
  if (s === 'SOFT_DELETED' || s === 'DELETED') {
    return { status: 'Stopped', active: false };
  }
  return { active: true };
}

/** The server's addresses, network by network, in one list. */
function addressesOf(server: NovaServer) {
  return Object.entries(server.addresses ?? {}).flatMap(([network, list]) =>
    (list ?? []).map(a =>
      compact({
        network,
        address: a.addr,
        version: a.version,
        type: a['OS-EXT-IPS:type'],
        mac: a['OS-EXT-IPS-MAC:mac_addr'],
      }),
    ),
  );
}

/** A flavor as the server knows it: looked up by id, or embedded (microversion 2.47+). */
function flavorOf(server: NovaServer, flavors: Map<string, NovaFlavor>) {
  const embedded = server.flavor;
  const known = embedded?.id ? flavors.get(embedded.id) : undefined;
  return {
    id: embedded?.id,
    name: known?.name ?? embedded?.original_name ?? embedded?.id,
    vcpus: known?.vcpus ?? embedded?.vcpus,
    ram: known?.ram ?? embedded?.ram,
    disk: known?.disk ?? embedded?.disk,
  };
}

/** A Nova server (with its Neutron ports) as a Maestro Server. */
export function translateServer(
  server: NovaServer,
  context: TranslationContext,
  lookups: ServerLookups,
): DiscoveredEntity {
  const id = server.id;
  const { status, active } = serverStatus(server.status);
  const flavor = flavorOf(server, lookups.flavors);
  const addresses = addressesOf(server);
  const ipv4 = (type: string) =>
    addresses.find(a => a.version === 4 && a.type === type)?.address;
  const ports = lookups.ports.get(id) ?? [];
  const fixedIps = ports.flatMap(p => p.fixed_ips ?? []);
  const privateIp = ipv4('fixed');
  const subnetId =
    fixedIps.find(f => f.ip_address === privateIp)?.subnet_id ??
    fixedIps[0]?.subnet_id;
  const networks = [
    ...new Set([
      ...ports.map(p => p.network_id),
      ...fixedIps.map(f => f.subnet_id),
      ...ports.flatMap(p => p.security_groups ?? []),
    ]),
  ]
    .filter((n): n is string => Boolean(n))
    .map(n => ref('network', n));
  const imageId =
    server.image && typeof server.image === 'object'
      ? server.image.id
      : undefined;
  const attached = server['os-extended-volumes:volumes_attached'] ?? [];
  const storage = [
    // A server built from an image boots from the flavor's local disk.
    ...(imageId && flavor.disk
      ? [
          {
            name: 'root',
            size: flavor.disk,
            root: true,
            type: 'built-in' as const,
          },
        ]
      : []),
    ...attached.map(v => ({
      name: v.id,
      type: 'attached' as const,
      volume: ref('volume', v.id),
    })),
  ];
  return entity(
    'Server',
    id,
    server.name,
    { metadata: server.metadata, tags: server.tags },
    {
      hostname: server['OS-EXT-SRV-ATTR:hostname'] || server.name || id,
      uniqueId: id,
      serverType: 'Virtual',
      status,
      active,
      ipv4Private: privateIp,
      ipv4Public: ipv4('floating') ?? (server.accessIPv4 || undefined),
      cpu: flavor.vcpus,
      memory:
        flavor.ram === undefined
          ? undefined
          : Math.round((flavor.ram / 1024) * 100) / 100,
      storage: storage.length ? storage : undefined,
      auth: server.key_name
        ? [{ type: 'PKI', name: server.key_name }]
        : undefined,
      addresses: addresses.length ? addresses : undefined,
      datacenter: placement(context, {
        zone: server['OS-EXT-AZ:availability_zone'] || undefined,
        instanceId: id,
        instanceType: flavor.name,
        imageId,
        subnetId,
        projectId: server.tenant_id,
      }),
      image: imageId ? ref('image', imageId) : undefined,
      flavor: flavor.id
        ? ref('flavor', flavorEntityName(flavor.id, context.cloudKey))
        : undefined,
      networks: networks.length ? networks : undefined,
    },
  );
}
