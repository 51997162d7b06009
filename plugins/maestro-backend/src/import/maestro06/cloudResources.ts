import {
  ImageEntity,
  MAESTRO_API_VERSION,
  NetworkEntity,
  SnapshotEntity,
} from '@maestro/plugin-maestro-common';
import { ImportContext } from './context';
import { placementIn } from './datacenters';
import {
  Doc,
  DocumentReader,
  camelCaseKeys,
  compact,
  documentsOf,
  isActiveStatus,
  isPlainObject,
} from './documents';
import { entityRef, slugify } from './references';

/**
 * network.json's `family` -> Network `spec.type`, and the field that holds
 * the resource's own cloud id in that family. (`vpc_id` of a subnet is its
 * VPC's id, not its own, so ids are looked up per family.)
 */
const NETWORK_FAMILIES: Record<string, { type: string; idFields: string[] }> = {
  Vpc: { type: 'vpc', idFields: ['vpc_id'] },
  Subnet: { type: 'subnet', idFields: ['subnet_id'] },
  SecurityGroup: { type: 'security-group', idFields: ['group_id'] },
  RouteTable: {
    type: 'route-table',
    idFields: ['route_table_id', 'associations.RouteTableId'],
  },
  NetworkAcl: {
    type: 'network-acl',
    idFields: ['network_acl_id', 'associations.NetworkAclId'],
  },
  VpcPeering: { type: 'vpc-peering', idFields: ['vpc_peering_connection_id'] },
  NetworkInterfaces: {
    type: 'network-interface',
    idFields: ['network_interface_id'],
  },
};

const NETWORK_MAPPED = [
  'name',
  'family',
  'unique_id',
  'cidr_block',
  'datacenters',
  'status',
  'tags',
  'availability_zone',
];
const IMAGE_MAPPED = [
  'name',
  'image_id',
  'image_type',
  'image_location',
  'public',
  'architecture',
  'hypervisor',
  'root_device_type',
  'platform',
  'status',
  'datacenters',
  'tags',
];
const SNAPSHOT_MAPPED = [
  'name',
  'snapshot_id',
  'volume_id',
  'volume_size',
  'progress',
  'start_time',
  'owner_id',
  'encrypted',
  'status',
  'datacenters',
  'tags',
];

/**
 * network.json -> Network entities. Names are slugs of the 0.6 names: most
 * families in 0.6 exports carry no id of their own, so ids cannot name them.
 */
export function translateNetworks(
  ctx: ImportContext,
  files: Record<string, unknown>,
) {
  const FILE = 'network.json';
  const byUniqueId = new Map<string, NetworkEntity>();
  const vpcOf = new Map<NetworkEntity, string>();
  for (const { doc, index } of documentsOf(ctx, files, FILE) ?? []) {
    const r = new DocumentReader(ctx, FILE, index, doc);
    const title = r.string('name', true);
    const family = r.string('family', true);
    const status = r.string('status');
    const datacenter = r.reference('datacenters', 'datacenters');
    if (!title || !family) continue;
    const known = NETWORK_FAMILIES[family];
    const uniqueId =
      r.string('unique_id') ?? (known && ownId(doc, known.idFields));
    // The zone goes to spec.datacenter, or stays a property without one.
    const properties = camelCaseKeys(
      doc,
      datacenter
        ? NETWORK_MAPPED
        : NETWORK_MAPPED.filter(f => f !== 'availability_zone'),
    );
    const entity: NetworkEntity = {
      apiVersion: MAESTRO_API_VERSION,
      kind: 'Network',
      metadata: { name: ctx.names.claim('Network', title), title },
      spec: compact({
        type: known?.type ?? slugify(family),
        uniqueId,
        cidr: r.string('cidr_block') ?? firstCidr(doc),
        status,
        active: isActiveStatus(status),
        datacenter: placementIn(
          ctx,
          datacenter,
          compact({ zone: r.string('availability_zone') }),
        ),
        tags: r.tags(),
        properties,
      }),
    };
    ctx.emit(entity, FILE, index);
    if (uniqueId && !byUniqueId.has(uniqueId)) byUniqueId.set(uniqueId, entity);
    if (typeof doc.vpc_id === 'string' && known?.type !== 'vpc')
      vpcOf.set(entity, doc.vpc_id);
  }
  // A subnet, group or table points at its VPC when that VPC is imported too.
  for (const [entity, vpcId] of vpcOf) {
    const vpc = byUniqueId.get(vpcId);
    if (vpc) entity.spec.network = entityRef('Network', vpc.metadata.name);
  }
}

/** images.json -> Image entities, named by their image id (`ami-...`). */
export function translateImages(
  ctx: ImportContext,
  files: Record<string, unknown>,
) {
  const FILE = 'images.json';
  for (const { doc, index } of documentsOf(ctx, files, FILE) ?? []) {
    const r = new DocumentReader(ctx, FILE, index, doc);
    const title = r.string('name', true);
    const uniqueId = r.string('image_id');
    const status = r.string('status');
    const datacenter = r.reference('datacenters', 'datacenters');
    if (!title) continue;
    const entity: ImageEntity = {
      apiVersion: MAESTRO_API_VERSION,
      kind: 'Image',
      metadata: { name: ctx.names.claim('Image', uniqueId ?? title), title },
      spec: compact({
        uniqueId,
        imageType: r.string('image_type'),
        location: r.string('image_location'),
        public: r.boolean('public'),
        architecture: r.string('architecture'),
        hypervisor: r.string('hypervisor'),
        rootDeviceType: r.string('root_device_type'),
        platform: r.string('platform'),
        status,
        active: isActiveStatus(status),
        datacenter: placementIn(ctx, datacenter),
        tags: r.tags(),
        properties: leftovers(doc, IMAGE_MAPPED),
      }),
    };
    ctx.emit(entity, FILE, index);
  }
}

/** snapshots.json -> Snapshot entities, named by their snapshot id. */
export function translateSnapshots(
  ctx: ImportContext,
  files: Record<string, unknown>,
) {
  const FILE = 'snapshots.json';
  for (const { doc, index } of documentsOf(ctx, files, FILE) ?? []) {
    const r = new DocumentReader(ctx, FILE, index, doc);
    const title = r.string('name', true);
    const uniqueId = r.string('snapshot_id');
    const status = r.string('status');
    const datacenter = r.reference('datacenters', 'datacenters');
    if (!title) continue;
    const entity: SnapshotEntity = {
      apiVersion: MAESTRO_API_VERSION,
      kind: 'Snapshot',
      metadata: { name: ctx.names.claim('Snapshot', uniqueId ?? title), title },
      spec: compact({
        uniqueId,
        volumeId: r.string('volume_id'),
        size: r.number('volume_size'),
        progress: r.string('progress'),
        startTime: isoTime(r, 'start_time'),
        ownerId: r.string('owner_id'),
        encrypted: r.boolean('encrypted'),
        status,
        active: isActiveStatus(status),
        datacenter: placementIn(ctx, datacenter),
        tags: r.tags(),
        properties: leftovers(doc, SNAPSHOT_MAPPED),
      }),
    };
    ctx.emit(entity, FILE, index);
  }
}

/** 0.6 stored times as epoch milliseconds in a string (`"1795607221600"`). */
function isoTime(r: DocumentReader, key: string): string | undefined {
  const value = r.doc[key];
  if (value === undefined || value === null || value === '') return undefined;
  const date =
    typeof value === 'number' ||
    (typeof value === 'string' && /^\d+$/.test(value))
      ? new Date(Number(value))
      : new Date(typeof value === 'string' ? value : NaN);
  if (!Number.isNaN(date.getTime())) return date.toISOString();
  r.error(
    key,
    `must be epoch milliseconds or an ISO date, got ${JSON.stringify(value)}`,
  );
  return undefined;
}

/** The first of `fields` that holds an id; `a.B` reads `B` of the first item of list `a`. */
function ownId(doc: Doc, fields: string[]): string | undefined {
  for (const field of fields) {
    const [key, sub] = field.split('.');
    let value = doc[key];
    if (sub)
      value =
        Array.isArray(value) && isPlainObject(value[0])
          ? value[0][sub]
          : undefined;
    if (typeof value === 'string' && value) return value;
  }
  return undefined;
}

/** A VPC lists its CIDR only in its association set. */
function firstCidr(doc: Doc): string | undefined {
  const set = doc.cidr_block_association_set;
  const first =
    Array.isArray(set) && isPlainObject(set[0]) ? set[0].CidrBlock : undefined;
  return typeof first === 'string' ? first : undefined;
}

/** Non-empty fields without a place in the kind, kept verbatim. */
function leftovers(doc: Doc, mapped: string[]): Doc | undefined {
  const rest = camelCaseKeys(doc, mapped);
  for (const [key, value] of Object.entries(rest)) {
    if (Array.isArray(value) && !value.length) delete rest[key];
  }
  return Object.keys(rest).length ? rest : undefined;
}
