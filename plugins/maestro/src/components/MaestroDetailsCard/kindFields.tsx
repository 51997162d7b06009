import { ReactNode } from 'react';
import { Entity } from '@backstage/catalog-model';
import {
  AuthTable,
  ContactsByChannel,
  DependenciesTable,
  KeyValueTable,
  RefLink,
  RefLinks,
  ServicesTable,
  StorageTable,
  TagChips,
  asRecord,
  deployText,
  text,
  withUnit,
} from './renderers';

/**
 * One row of the "Maestro details" card: a label, the dotted path of the
 * value in the entity, and how to show it when plain text will not do.
 */
export interface MaestroField {
  label: string;
  /** Dotted path into the entity, e.g. `spec.os.version`. */
  path: string;
  render?: (value: unknown, entity: Entity) => ReactNode;
  /** Takes the card's whole width (tables, tag lists). */
  wide?: boolean;
}

const field = (
  label: string,
  path: string,
  render?: MaestroField['render'],
): MaestroField => ({ label, path, render });

const ref = (label: string, path: string, defaultKind?: string) =>
  field(label, path, v => <RefLink entityRef={v} defaultKind={defaultKind} />);

const refs = (label: string, path: string, defaultKind?: string) =>
  field(label, path, v => (
    <RefLinks entityRefs={v} defaultKind={defaultKind} />
  ));

const wide = (
  label: string,
  path: string,
  render: MaestroField['render'],
): MaestroField => ({ label, path, render, wide: true });

const osText = (v: unknown) => {
  const os = asRecord(v);
  const release = [os.dist, os.version].filter(Boolean).map(text).join(' ');
  return os.base ? `${release} (${text(os.base)})`.trim() : release;
};

/** Where a record lives: its Datacenter entity and the cloud's placement. */
const placement: MaestroField[] = [
  ref('Datacenter', 'spec.datacenter.ref', 'datacenter'),
  field('Provider', 'spec.datacenter.provider'),
  field('Region', 'spec.datacenter.region'),
  field('Zone', 'spec.datacenter.zone'),
];

const state: MaestroField[] = [
  field('Environment', 'spec.environment'),
  field('Status', 'spec.status'),
  field('Active', 'spec.active'),
];

const tags = wide('Tags', 'spec.tags', v => <TagChips value={v} />);

/** Applications (Component) and the other families (Resource). */
const service: MaestroField[] = [
  field('Family', 'spec.family'),
  field('Environment', 'spec.environment'),
  field('Language', 'spec.language'),
  field('Cluster', 'spec.cluster'),
  field('Size', 'spec.size'),
  field('Provider', 'spec.provider'),
  field('Role', 'spec.role.role'),
  field('Endpoint', 'spec.role.endpoint'),
  field('Path', 'spec.role.path'),
  field('Command', 'spec.role.command'),
  field('Health check', 'spec.role.healthCheck'),
  field('Deploy', 'spec.deploy', deployText),
  refs('Servers', 'spec.servers', 'server'),
  refs('Routes to', 'spec.targets'),
  ...placement,
  wide('Dependencies', 'spec.dependencies', v => (
    <DependenciesTable value={v} />
  )),
  wide('Database', 'spec.database', v => (
    <KeyValueTable label="Database" value={v} />
  )),
  tags,
];

/**
 * The field layout of each kind, by lower-case kind name. Adding a kind is
 * adding its entry here.
 */
export const KIND_FIELDS: Record<string, MaestroField[]> = {
  server: [
    field('Hostname', 'spec.hostname'),
    field('Private IP', 'spec.ipv4Private'),
    field('Public IP', 'spec.ipv4Public'),
    field('OS', 'spec.os', osText),
    field('CPU', 'spec.cpu', withUnit('vCPU')),
    field('Memory', 'spec.memory', withUnit('GB')),
    field('Role', 'spec.role'),
    field('Server type', 'spec.serverType'),
    ...state,
    ...placement,
    field('Instance ID', 'spec.datacenter.instanceId'),
    field('Instance type', 'spec.datacenter.instanceType'),
    ref('Image', 'spec.image', 'image'),
    ref('Flavor', 'spec.flavor', 'flavor'),
    refs('Networks', 'spec.networks', 'network'),
    wide('Storage', 'spec.storage', v => <StorageTable value={v} />),
    wide('Auth', 'spec.auth', v => <AuthTable value={v} />),
    wide('Services', 'spec.services', v => <ServicesTable value={v} />),
    tags,
  ],
  datacenter: [
    field('Provider', 'spec.provider'),
    field('Own provider', 'spec.ownProvider'),
    field('Regions', 'spec.regions'),
    field('Zones', 'spec.zones'),
    ...state,
    tags,
  ],
  volume: [
    field('Size', 'spec.size', withUnit('GB')),
    field('Volume type', 'spec.volumeType'),
    field('IOPS', 'spec.iops'),
    field('Encrypted', 'spec.encrypted'),
    ref('Server', 'spec.server', 'server'),
    field('Device', 'spec.device'),
    field('Unique ID', 'spec.uniqueId'),
    ...state,
    ...placement,
    tags,
  ],
  snapshot: [
    ref('Volume', 'spec.volume', 'volume'),
    field('Volume ID', 'spec.volumeId'),
    field('Size', 'spec.size', withUnit('GB')),
    field('Progress', 'spec.progress'),
    field('Started', 'spec.startTime'),
    field('Encrypted', 'spec.encrypted'),
    field('Cloud owner ID', 'spec.ownerId'),
    field('Unique ID', 'spec.uniqueId'),
    ...state,
    ...placement,
    tags,
  ],
  image: [
    field('Image type', 'spec.imageType'),
    field('Platform', 'spec.platform'),
    field('Architecture', 'spec.architecture'),
    field('Hypervisor', 'spec.hypervisor'),
    field('Root device type', 'spec.rootDeviceType'),
    field('Location', 'spec.location'),
    field('Public', 'spec.public'),
    field('Unique ID', 'spec.uniqueId'),
    ...state,
    ...placement,
    tags,
  ],
  network: [
    field('Type', 'spec.type'),
    field('CIDR', 'spec.cidr'),
    ref('Part of network', 'spec.network', 'network'),
    field('Unique ID', 'spec.uniqueId'),
    ...state,
    ...placement,
    wide('Properties', 'spec.properties', v => (
      <KeyValueTable label="Properties" value={v} />
    )),
    tags,
  ],
  flavor: [
    field('Provider', 'spec.provider'),
    field('API name', 'spec.apiName'),
    field('vCPUs', 'spec.vcpus'),
    field('Memory', 'spec.memory', withUnit('GiB')),
    field('Storage', 'spec.storage'),
    field('GPUs', 'spec.gpus'),
    ...placement,
    wide('Prices (per hour)', 'spec.prices', v => (
      <KeyValueTable label="Prices" value={v} />
    )),
    tags,
  ],
  client: [
    ...state,
    wide('Contacts', 'spec.contacts', v => <ContactsByChannel value={v} />),
    tags,
  ],
  component: service,
  resource: [field('Type', 'spec.type'), ...service],
  system: [
    refs('Clients', 'spec.clients', 'client'),
    refs('Entry points', 'spec.entryPoints', 'component'),
    field('Environment', 'spec.environment'),
    tags,
  ],
  group: [
    field('Display name', 'spec.profile.displayName'),
    field('Email', 'spec.profile.email'),
    refs('Members', 'spec.members', 'user'),
    refs('Sub-teams', 'spec.children', 'group'),
  ],
};

/** The layout of an entity's kind, or undefined for a kind Maestro lacks. */
export function fieldsOfKind(kind: string): MaestroField[] | undefined {
  return KIND_FIELDS[kind.toLocaleLowerCase('en-US')];
}
