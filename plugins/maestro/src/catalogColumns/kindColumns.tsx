import { ReactNode } from 'react';
import { Entity } from '@backstage/catalog-model';
import { TableColumn } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { valueAtPath } from '../lib/valueAtPath';
import {
  RefLink,
  asArray,
  text,
  withUnit,
} from '../components/MaestroDetailsCard/renderers';

/** A catalog table row: the catalog's own rows carry more, we need the entity. */
export type EntityRow = { entity: Entity };

/**
 * A column of the catalog table for one Maestro kind: a label, the dotted
 * path of the value, and how to render it when text will not do.
 */
export interface MaestroColumn {
  title: string;
  path: string;
  render?: (value: unknown, entity: Entity) => ReactNode;
  /** Sorting and searching use this text instead of the raw value. */
  sortText?: (value: unknown) => string;
}

const col = (
  title: string,
  path: string,
  render?: MaestroColumn['render'],
): MaestroColumn => ({ title, path, render });

const refCol = (title: string, path: string, defaultKind: string) =>
  col(title, path, v => <RefLink entityRef={v} defaultKind={defaultKind} />);

/** The entity's name (its title when set), linking to its page. */
const name = col('Name', 'metadata.title', (_v, entity) => (
  <EntityRefLink entityRef={entity} />
));

const datacenter = refCol('Datacenter', 'spec.datacenter.ref', 'datacenter');
const owner = refCol('Owner', 'spec.owner', 'group');
const environment = col('Environment', 'spec.environment');

/**
 * The catalog table's columns of each Maestro kind, by lower-case kind.
 * Backstage's own kinds (Component, Resource, System, Group) keep the
 * catalog's default columns, which already fit them.
 */
export const KIND_COLUMNS: Record<string, MaestroColumn[]> = {
  server: [
    // The hostname is what people search servers by, so it is the link.
    col('Hostname', 'spec.hostname', (v, entity) => (
      <EntityRefLink entityRef={entity}>
        {text(v) || entity.metadata.name}
      </EntityRefLink>
    )),
    col('Private IP', 'spec.ipv4Private'),
    {
      ...col('OS', 'spec.os'),
      render: v => osText(v),
      sortText: v => osText(v),
    },
    datacenter,
    environment,
    owner,
  ],
  datacenter: [
    name,
    col('Provider', 'spec.provider'),
    col('Regions', 'spec.regions'),
    col('Zones', 'spec.zones'),
    environment,
    owner,
  ],
  volume: [
    name,
    col('Size', 'spec.size', withUnit('GB')),
    col('Volume type', 'spec.volumeType'),
    refCol('Server', 'spec.server', 'server'),
    datacenter,
    owner,
  ],
  snapshot: [
    name,
    refCol('Volume', 'spec.volume', 'volume'),
    col('Size', 'spec.size', withUnit('GB')),
    col('Started', 'spec.startTime'),
    datacenter,
    owner,
  ],
  image: [
    name,
    col('Platform', 'spec.platform'),
    col('Architecture', 'spec.architecture'),
    col('Image type', 'spec.imageType'),
    datacenter,
    owner,
  ],
  network: [
    name,
    col('Type', 'spec.type'),
    col('CIDR', 'spec.cidr'),
    refCol('Part of network', 'spec.network', 'network'),
    datacenter,
    owner,
  ],
  flavor: [
    name,
    col('Provider', 'spec.provider'),
    col('API name', 'spec.apiName'),
    col('vCPUs', 'spec.vcpus'),
    col('Memory', 'spec.memory', withUnit('GiB')),
  ],
  client: [
    name,
    col('Contacts', 'spec.contacts', v =>
      asArray(v)
        .map(c => `${text(c.channel)}: ${text(c.value)}`)
        .join(', '),
    ),
    col('Description', 'metadata.description'),
    owner,
  ],
};

function osText(value: unknown): string {
  const os = (value ?? {}) as Record<string, unknown>;
  return [os.dist ?? os.base, os.version].filter(Boolean).map(text).join(' ');
}

/** Turns a Maestro column into a catalog table column. */
export function toTableColumn<T extends EntityRow>(
  column: MaestroColumn,
): TableColumn<T> {
  const sortText = (row: T) => {
    const value = valueAtPath(row.entity, column.path);
    return column.sortText ? column.sortText(value) : text(value);
  };
  return {
    title: column.title,
    field: `entity.${column.path}`,
    render: row => {
      const value = valueAtPath(row.entity, column.path);
      return column.render ? column.render(value, row.entity) : text(value);
    },
    customSort: (a, b) =>
      sortText(a).localeCompare(sortText(b), 'en', { numeric: true }),
    customFilterAndSearch: (query: string, row) =>
      sortText(row)
        .toLocaleLowerCase('en-US')
        .includes(String(query).toLocaleLowerCase('en-US')),
  };
}
