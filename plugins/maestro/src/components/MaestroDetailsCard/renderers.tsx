import { ReactNode } from 'react';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Chip from '@material-ui/core/Chip';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import { formatJson } from '../../lib/formatJson';

/*
 * Renderers of the field values that are more than text: entity links and
 * the small tables of a server's storage, auth and services. They receive
 * whatever the entity holds and must not throw on a malformed value: an
 * entity from a repository's YAML is only as good as its author.
 */

type Row = Record<string, unknown>;

export function asArray<T = Row>(value: unknown): T[] {
  return Array.isArray(value) ? (value as T[]) : [];
}

export function asRecord(value: unknown): Row {
  return value && typeof value === 'object' && !Array.isArray(value)
    ? (value as Row)
    : {};
}

/** Text of a scalar; one-line JSON of anything else. */
export function text(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (typeof value === 'string' || typeof value === 'number') {
    return String(value);
  }
  if (Array.isArray(value) && value.every(v => typeof v !== 'object')) {
    return value.join(', ');
  }
  return formatJson(value);
}

export const withUnit = (unit: string) => (value: unknown) =>
  `${text(value)} ${unit}`;

export function RefLink(props: { entityRef: unknown; defaultKind?: string }) {
  if (typeof props.entityRef !== 'string' || !props.entityRef) return null;
  return (
    <EntityRefLink
      entityRef={props.entityRef}
      defaultKind={props.defaultKind}
    />
  );
}

export function RefLinks(props: { entityRefs: unknown; defaultKind?: string }) {
  const refs = asArray<unknown>(props.entityRefs).filter(
    (r): r is string => typeof r === 'string' && r.length > 0,
  );
  return (
    <>
      {refs.map((ref, i) => (
        <span key={ref}>
          {i > 0 && ', '}
          <RefLink entityRef={ref} defaultKind={props.defaultKind} />
        </span>
      ))}
    </>
  );
}

/** A compact table for a list field: one header row, one row per item. */
export function SmallTable(props: {
  label: string;
  columns: string[];
  rows: ReactNode[][];
}) {
  return (
    <Table size="small" aria-label={props.label}>
      <TableHead>
        <TableRow>
          {props.columns.map(c => (
            <TableCell key={c}>{c}</TableCell>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>
        {props.rows.map((cells, r) => (
          <TableRow key={r}>
            {cells.map((cell, c) => (
              <TableCell key={c}>{cell}</TableCell>
            ))}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

export function StorageTable(props: { value: unknown }) {
  const rows = asArray(props.value).map(disk => {
    const lvm = asRecord(disk.lvm);
    return [
      text(disk.name),
      disk.size !== undefined ? `${text(disk.size)} GB` : '',
      text(disk.type),
      disk.root ? 'Yes' : 'No',
      text(disk.fileType),
      lvm.enabled
        ? [lvm.vg && `VG ${text(lvm.vg)}`, lvm.pv && `PV ${text(lvm.pv)}`]
            .filter(Boolean)
            .join(', ') || 'Yes'
        : 'No',
      <RefLink entityRef={disk.volume} defaultKind="volume" />,
    ];
  });
  return (
    <SmallTable
      label="Storage"
      columns={['Mount', 'Size', 'Type', 'Boot', 'File type', 'LVM', 'Volume']}
      rows={rows}
    />
  );
}

export function AuthTable(props: { value: unknown }) {
  const rows = asArray(props.value).map(a => [
    text(a.type),
    text(a.name),
    text(a.username),
  ]);
  return (
    <SmallTable
      label="Auth"
      columns={['Type', 'Key name', 'Username']}
      rows={rows}
    />
  );
}

export function ServicesTable(props: { value: unknown }) {
  const rows = asArray(props.value).map(s => [text(s.name), text(s.version)]);
  return (
    <SmallTable label="Services" columns={['Name', 'Version']} rows={rows} />
  );
}

export function DependenciesTable(props: { value: unknown }) {
  const rows = asArray(props.value).map(d => [
    <RefLink entityRef={d.target} defaultKind="component" />,
    text(d.protocol),
    text(d.description),
  ]);
  return (
    <SmallTable
      label="Dependencies"
      columns={['Depends on', 'Protocol', 'Description']}
      rows={rows}
    />
  );
}

/** Key/value objects (database settings, prices, network properties). */
export function KeyValueTable(props: { label: string; value: unknown }) {
  const rows = Object.entries(asRecord(props.value)).map(([k, v]) => [
    k,
    text(v),
  ]);
  return (
    <SmallTable label={props.label} columns={['Key', 'Value']} rows={rows} />
  );
}

export function TagChips(props: { value: unknown }) {
  return (
    <>
      {asArray(props.value).map((tag, i) => (
        <Chip
          key={i}
          size="small"
          label={
            tag.value !== undefined
              ? `${text(tag.key)}: ${text(tag.value)}`
              : text(tag.key)
          }
        />
      ))}
    </>
  );
}

/** Contacts grouped by channel: `Email: a, b`. */
export function ContactsByChannel(props: { value: unknown }) {
  const byChannel = new Map<string, string[]>();
  for (const c of asArray(props.value)) {
    const channel = text(c.channel) || 'Other';
    byChannel.set(channel, [...(byChannel.get(channel) ?? []), text(c.value)]);
  }
  return (
    <SmallTable
      label="Contacts"
      columns={['Channel', 'Contacts']}
      rows={[...byChannel].map(([channel, values]) => [
        channel,
        values.join(', '),
      ])}
    />
  );
}

/** Deploy entries: `Continuous Deployment (GitHub Actions)`. */
export function deployText(value: unknown): string {
  return asArray(value)
    .map(d =>
      d.provider ? `${text(d.type)} (${text(d.provider)})` : text(d.type),
    )
    .join(', ');
}
