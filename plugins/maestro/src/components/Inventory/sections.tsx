import { Entity } from '@backstage/catalog-model';
import { MAESTRO_FAMILIES } from '@maestro/plugin-maestro-common';
import { Link } from '@backstage/core-components';
import { FORMS, KindForm, formOfFamily, getAt } from './forms';
import { MaestroRecord } from '@maestro/plugin-maestro-common';

/** A column of an inventory table: what it shows and the field path it filters and sorts on. */
export interface InventoryColumn {
  title: string;
  /** Field path for filter and sort (`spec.hostname`, `updatedAt`); none for computed columns. */
  path?: string;
  /** Choices of an exact filter (an option list name) instead of `contains`. */
  lookup?: string;
  render?: (entity: Entity, record: MaestroRecord) => React.ReactNode;
}

/** One tab of the Inventory page. */
export interface InventorySection {
  id: string;
  title: string;
  form: KindForm;
  /** Exact filters every request of the tab carries (`spec.family`). */
  filter?: Record<string, string>;
  columns: InventoryColumn[];
  /** Shown in the families menu rather than as a tab. */
  inMenu?: boolean;
}

function text(v: unknown): string {
  if (v === undefined || v === null) return '';
  return Array.isArray(v) ? v.join(', ') : String(v);
}

export function entityLink(entity: Entity, label?: string) {
  const ns = entity.metadata.namespace ?? 'default';
  return (
    <Link
      to={`/catalog/${ns}/${entity.kind.toLowerCase()}/${entity.metadata.name}`}
    >
      {label ?? entity.metadata.title ?? entity.metadata.name}
    </Link>
  );
}

const refName = (ref: unknown) =>
  typeof ref === 'string' ? ref.replace(/^[^:]*:(default\/)?/, '') : '';

const name: InventoryColumn = {
  title: 'Name',
  path: 'metadata.title',
  render: e => entityLink(e),
};
const datacenter: InventoryColumn = {
  title: 'Datacenter',
  path: 'spec.datacenter.ref',
  render: e => refName(getAt(e, 'spec.datacenter.ref')),
};
const updatedAt: InventoryColumn = {
  title: 'Updated at',
  path: 'updatedAt',
  render: (_e, r) => new Date(r.updatedAt).toLocaleString(),
};
const field = (
  title: string,
  path: string,
  lookup?: string,
): InventoryColumn => ({
  title,
  path,
  lookup,
  render: e => text(getAt(e, path)),
});

const environment = field('Environment', 'spec.environment', 'environments');

const familyColumns: InventoryColumn[] = [
  name,
  environment,
  field('Service', 'spec.provider'),
  field('Cluster', 'spec.cluster'),
  datacenter,
  updatedAt,
];

function familySection(type: string, inMenu: boolean): InventorySection {
  const family = MAESTRO_FAMILIES.find(f => f.type === type)!;
  return {
    id: type,
    title: family.title,
    form: formOfFamily(type)!,
    filter: { 'spec.family': family.family },
    columns: familyColumns,
    inMenu,
  };
}

/** The tabs of Maestro's inventory (seed 4.1.1), in its order. */
export const INVENTORY_SECTIONS: InventorySection[] = [
  {
    id: 'servers',
    title: 'Servers',
    form: FORMS.server,
    columns: [
      {
        title: 'Hostname',
        path: 'spec.hostname',
        render: e => entityLink(e, text(getAt(e, 'spec.hostname'))),
      },
      field('Private IP', 'spec.ipv4Private'),
      {
        title: 'OS',
        path: 'spec.os.dist',
        render: e =>
          [
            getAt(e, 'spec.os.base'),
            getAt(e, 'spec.os.dist'),
            getAt(e, 'spec.os.version'),
          ]
            .filter(Boolean)
            .join(' '),
      },
      datacenter,
      environment,
      field('Role', 'spec.role', 'serverRoles'),
      {
        title: 'Auth',
        path: 'spec.auth.0.type',
        render: e =>
          ((getAt(e, 'spec.auth') as any[]) ?? []).map(a => a.type).join(', '),
      },
      updatedAt,
    ],
  },
  {
    id: 'applications',
    title: 'Applications',
    form: FORMS.application,
    columns: [
      name,
      environment,
      field('Language', 'spec.language'),
      field('Cluster mode', 'spec.cluster'),
      field('Role', 'spec.role.role', 'applicationRoles'),
      updatedAt,
    ],
  },
  { ...familySection('load-balancer', false), id: 'load-balancers' },
  {
    ...familySection('database', false),
    id: 'databases',
    columns: [
      name,
      environment,
      field('Form', 'spec.database.form'),
      field('Type', 'spec.database.type'),
      field('Cluster', 'spec.cluster'),
      datacenter,
      updatedAt,
    ],
  },
  {
    id: 'systems',
    title: 'Systems',
    form: FORMS.system,
    columns: [
      name,
      field('Owner', 'spec.owner'),
      {
        title: 'Clients',
        render: e =>
          ((getAt(e, 'spec.clients') as string[]) ?? [])
            .map(refName)
            .join(', '),
      },
      updatedAt,
    ],
  },
  {
    id: 'datacenters',
    title: 'Datacenters',
    form: FORMS.datacenter,
    columns: [
      name,
      field('Provider', 'spec.provider'),
      { title: 'Regions', render: e => text(getAt(e, 'spec.regions')) },
      { title: 'Zones', render: e => text(getAt(e, 'spec.zones')) },
      updatedAt,
    ],
  },
  {
    id: 'clients',
    title: 'Clients',
    form: FORMS.client,
    columns: [
      name,
      {
        title: 'Contacts',
        render: e =>
          ((getAt(e, 'spec.contacts') as any[]) ?? [])
            .map(c => `${c.channel}: ${c.value}`)
            .join(', '),
      },
      updatedAt,
    ],
  },
  ...MAESTRO_FAMILIES.filter(
    f => !['service', 'load-balancer', 'database'].includes(f.type),
  ).map(f => familySection(f.type, true)),
  {
    id: 'volumes',
    title: 'Volumes',
    form: FORMS.volume,
    columns: [
      name,
      field('Size (GB)', 'spec.size'),
      field('Type', 'spec.volumeType'),
      {
        title: 'Server',
        path: 'spec.server',
        render: e => refName(getAt(e, 'spec.server')),
      },
      field('Device', 'spec.device'),
      datacenter,
      updatedAt,
    ],
  },
  {
    id: 'snapshots',
    title: 'Snapshots',
    form: FORMS.snapshot,
    columns: [
      name,
      {
        title: 'Volume',
        path: 'spec.volume',
        render: e => refName(getAt(e, 'spec.volume')),
      },
      field('Size (GB)', 'spec.size'),
      field('Progress', 'spec.progress'),
      datacenter,
      updatedAt,
    ],
  },
  {
    id: 'images',
    title: 'Images',
    form: FORMS.image,
    columns: [
      name,
      field('Platform', 'spec.platform'),
      field('Architecture', 'spec.architecture'),
      field('Type', 'spec.imageType'),
      datacenter,
      updatedAt,
    ],
  },
  {
    id: 'networks',
    title: 'Networks',
    form: FORMS.network,
    columns: [
      name,
      field('Type', 'spec.type'),
      field('CIDR', 'spec.cidr'),
      datacenter,
      updatedAt,
    ],
  },
  {
    id: 'flavors',
    title: 'Flavors',
    form: FORMS.flavor,
    columns: [
      name,
      field('API name', 'spec.apiName'),
      field('Provider', 'spec.provider'),
      field('vCPUs', 'spec.vcpus'),
      field('Memory (GiB)', 'spec.memory'),
      updatedAt,
    ],
  },
];

export function findSection(id: string | undefined) {
  return INVENTORY_SECTIONS.find(s => s.id === id);
}
