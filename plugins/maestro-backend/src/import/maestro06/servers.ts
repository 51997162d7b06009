import {
  DatacenterPlacement,
  MAESTRO_API_VERSION,
  ServerAuth,
  ServerEntity,
  ServerService,
  ServerStorage,
  VolumeEntity,
} from '@maestro/plugin-maestro-common';
import { addServer } from './applications';
import { ImportContext } from './context';
import { DatacenterSite } from './datacenters';
import {
  DocumentReader,
  camelCaseKeys,
  compact,
  documentsOf,
  isActiveStatus,
  isPlainObject,
} from './documents';
import { ServerPlacer } from './placement';
import { Random } from './random';
import { entityRef } from './references';

const FILE = 'servers.json';

/** Fields that have a place of their own; the others go to spec.properties. */
const MAPPED_FIELDS = [
  'unique_id',
  'hostname',
  'ipv4_private',
  'ipv4_public',
  'os',
  'cpu',
  'memory',
  'environment',
  'role',
  'status',
  'auth',
  'services',
  'tags',
  'storage',
  'applications',
];

/** Sizes (GB) the 0.6 demo loader gave generated disks. */
const DISK_SIZE_GB = { min: 50, max: 1000 };
/** Storage markers of servers.json. */
const ATTACH = '#attach';
const BUILT = '#built';
const SKIP = '#skip';

/**
 * servers.json -> Server entities, plus one Volume per `#attach` storage
 * entry. The instance id (`unique_id`) is the server's identity; its title is
 * the hostname. The applications a server lists run on it, so the server is
 * added to their `spec.servers` (apps.json must be translated first).
 */
export function translateServers(
  ctx: ImportContext,
  files: Record<string, unknown>,
  sites: DatacenterSite[],
) {
  const placer = new ServerPlacer(ctx, files, sites);
  for (const { doc, index } of documentsOf(ctx, files, FILE) ?? []) {
    const r = new DocumentReader(ctx, FILE, index, doc);
    const hostname = r.string('hostname', true);
    const uniqueId = r.string('unique_id');
    const applications = r.references('apps', 'applications');
    if (!hostname) continue;
    if (uniqueId && ctx.names.isTaken('Server', uniqueId)) {
      r.error(
        'unique_id',
        `"${uniqueId}" is the unique_id of an earlier server too`,
      );
      continue;
    }
    // Hand-made 0.6 servers have no cloud id: their hostname names them.
    const name = ctx.names.claim('Server', uniqueId ?? hostname);
    const ref = entityRef('Server', name);
    const rng = ctx.random(`server:${name}`);
    const placed = placer.place(rng, uniqueId);
    const status = r.string('status');
    const environment = r.string('environment');
    const properties = camelCaseKeys(r.doc, MAPPED_FIELDS);
    const storage = storageOf(ctx, r, rng, {
      serverRef: ref,
      hostname,
      environment,
      placement: placed?.placement,
    });

    const entity: ServerEntity = {
      apiVersion: MAESTRO_API_VERSION,
      kind: 'Server',
      metadata: { name, title: hostname },
      spec: compact({
        uniqueId,
        hostname,
        ipv4Private: r.string('ipv4_private'),
        ipv4Public: r.string('ipv4_public'),
        os: osOf(r),
        cpu: r.number('cpu'),
        memory: r.number('memory'),
        environment,
        role: r.string('role'),
        serverType: placed?.serverType,
        status,
        active: isActiveStatus(status),
        datacenter: placed?.placement,
        storage,
        auth: authOf(r),
        services: servicesOf(r),
        tags: r.tags(),
        properties: Object.keys(properties).length ? properties : undefined,
      }),
    };
    ctx.emit(entity, FILE, index);
    for (const appRef of applications) addServer(ctx, appRef, ref);
  }
}

interface DiskOwner {
  serverRef: string;
  hostname: string;
  environment?: string;
  placement?: DatacenterPlacement;
}

/**
 * `#attach` -> an attached volume (`/dev/xvdf`, `/dev/xvdg`...) and its
 * Volume entity; `#built` -> a built-in disk (`/dev/sda`, ...), the first one
 * being the boot disk; `#skip` -> no disk (the demo's way to vary counts).
 */
function storageOf(
  ctx: ImportContext,
  r: DocumentReader,
  rng: Random,
  owner: DiskOwner,
): ServerStorage[] | undefined {
  const entries = r.list('storage');
  if (!entries) return undefined;
  const storage: ServerStorage[] = [];
  let attached = 0;
  let builtIn = 0;
  entries.forEach((entry, i) => {
    if (entry === SKIP) return;
    if (entry === BUILT) {
      const name = `/dev/sd${letter(builtIn)}`;
      storage.push({
        name,
        size: diskSize(rng),
        type: 'built-in',
        root: builtIn === 0,
      });
      builtIn++;
    } else if (entry === ATTACH) {
      const device = `/dev/xvd${letter(5 + attached)}`; // xvdf: AWS's first data device
      const size = diskSize(rng);
      const volume = emitVolume(ctx, r, rng, owner, device, size);
      storage.push({ name: device, size, type: 'attached', volume });
      attached++;
    } else {
      r.error(`storage[${i}]`, `must be "${ATTACH}", "${BUILT}" or "${SKIP}"`);
    }
  });
  return storage;
}

function emitVolume(
  ctx: ImportContext,
  r: DocumentReader,
  rng: Random,
  owner: DiskOwner,
  device: string,
  size: number,
): string {
  // An EBS-like id: 17 hex digits after `vol-`.
  const name = ctx.names.claim('Volume', `vol-${rng.hex(17)}`);
  // Where the server is, without its instance details (type, image...).
  const place = owner.placement;
  const datacenter = place
    ? compact({
        ref: place.ref,
        provider: place.provider,
        region: place.region,
        zone: place.zone,
      })
    : undefined;
  const volume: VolumeEntity = {
    apiVersion: MAESTRO_API_VERSION,
    kind: 'Volume',
    metadata: { name, title: `${owner.hostname} ${device}` },
    spec: compact({
      size,
      server: owner.serverRef,
      device,
      environment: owner.environment,
      status: 'Active',
      active: true,
      datacenter,
    }),
  };
  return ctx.emit(volume, r.file, r.index);
}

function diskSize(rng: Random) {
  return rng.int(DISK_SIZE_GB.min, DISK_SIZE_GB.max);
}

function letter(n: number) {
  return String.fromCharCode('a'.charCodeAt(0) + (n % 26));
}

function osOf(r: DocumentReader): ServerEntity['spec']['os'] {
  const os = r.object('os');
  return os ? camelCaseKeys(os) : undefined;
}

function authOf(r: DocumentReader): ServerAuth[] | undefined {
  const items = r.list('auth');
  if (!items) return undefined;
  const auth: ServerAuth[] = [];
  items.forEach((item, i) => {
    if (!isPlainObject(item) || typeof item.type !== 'string' || !item.type) {
      r.error(`auth[${i}].type`, 'is required');
      return;
    }
    const { type, name, username } = item;
    auth.push(
      compact({
        type,
        name: typeof name === 'string' ? name : undefined,
        username: typeof username === 'string' ? username : undefined,
      }),
    );
  });
  return auth;
}

function servicesOf(r: DocumentReader): ServerService[] | undefined {
  const items = r.list('services');
  if (!items) return undefined;
  const services: ServerService[] = [];
  items.forEach((item, i) => {
    if (!isPlainObject(item) || typeof item.name !== 'string' || !item.name) {
      r.error(`services[${i}].name`, 'is required');
      return;
    }
    const { name, version, setup } = item;
    services.push(
      compact({
        name,
        version:
          typeof version === 'number' || typeof version === 'string'
            ? String(version)
            : undefined,
        // Most 0.6 services have `setup: null`: nothing was recorded.
        setup: isPlainObject(setup) ? setup : undefined,
      }),
    );
  });
  return services;
}
