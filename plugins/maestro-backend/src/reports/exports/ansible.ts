import { InputError } from '@backstage/errors';
import {
  PivotLevel,
  ReportQuery,
  ReportRow,
  ServerAuth,
  findMaestroKind,
} from '@maestro/plugin-maestro-common';

export const ANSIBLE_GROUPINGS = ['system', 'environment'] as const;
export type AnsibleGrouping = (typeof ANSIBLE_GROUPINGS)[number];

/** What the inventory needs of each server, whatever columns the report shows. */
const SERVER_COLUMNS = [
  'metadata.name',
  'spec.hostname',
  'spec.ipv4Private',
  'spec.ipv4Public',
  'spec.auth',
];

/** The query an inventory reads, and which columns hold host and group. */
export interface AnsiblePlan {
  query: ReportQuery;
  /** Column id whose value names the group. */
  groupColumn: string;
  /** Prefix of the server columns: '' or `servers.`. */
  serverPrefix: string;
  /** Level (or kind) whose rows are the hosts. */
  hostLevel: string;
}

/**
 * Turns a report into the query of its inventory. Grouping a servers report
 * by system follows the chain servers <- applications <- systems, with the
 * report's filters kept on the servers.
 */
export function ansiblePlan(
  query: ReportQuery,
  groupBy: AnsibleGrouping,
): AnsiblePlan {
  if (query.type === 'general') {
    if (findMaestroKind(query.kind)?.plural !== 'servers') {
      throw new InputError(
        'An Ansible inventory lists servers: use a servers report or a pivot with servers',
      );
    }
    if (groupBy === 'environment') {
      return {
        query: {
          ...query,
          columns: [...SERVER_COLUMNS, 'spec.environment'],
        },
        groupColumn: 'spec.environment',
        serverPrefix: '',
        hostLevel: 'servers',
      };
    }
    return ansiblePlan(
      {
        type: 'pivot',
        levels: [{ level: 'servers', filters: query.filters ?? [] }],
      },
      groupBy,
    );
  }
  const levels = new Map(query.levels.map(l => [l.level, l]));
  if (!levels.has('servers')) {
    throw new InputError(
      'An Ansible inventory lists servers: this pivot has no servers level',
    );
  }
  const level = (name: PivotLevel['level'], columns: string[]): PivotLevel => ({
    level: name,
    filters: levels.get(name)?.filters ?? [],
    columns,
  });
  const needed: PivotLevel[] = [
    level('servers', [...SERVER_COLUMNS, 'spec.environment']),
  ];
  if (groupBy === 'system' || levels.has('applications'))
    needed.push(level('applications', ['metadata.name']));
  if (groupBy === 'system' || levels.has('systems'))
    needed.push(level('systems', ['metadata.name']));
  if (levels.has('clients')) needed.push(level('clients', ['metadata.name']));
  return {
    query: { type: 'pivot', levels: needed },
    groupColumn:
      groupBy === 'system'
        ? 'systems.metadata.name'
        : 'servers.spec.environment',
    serverPrefix: 'servers.',
    hostLevel: 'servers',
  };
}

/** A group name Ansible accepts: letters, digits and underscores. */
export function ansibleGroupName(value: string): string {
  const name = value.replace(/[^A-Za-z0-9_]/g, '_');
  return /^[0-9]/.test(name) ? `g_${name}` : name;
}

/** A variable value, quoted when the inventory parser would split it. */
function ansibleValue(value: string): string {
  return /^[A-Za-z0-9_./~@:+-]+$/.test(value)
    ? value
    : `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

export function ansibleHostLine(
  row: ReportRow,
  prefix: string,
  keyDirectory: string,
): string {
  const get = (path: string) => row[`${prefix}${path}`];
  const name = String(get('metadata.name'));
  const address =
    get('spec.ipv4Private') ?? get('spec.ipv4Public') ?? get('spec.hostname');
  const auth = (get('spec.auth') as ServerAuth[] | null) ?? [];
  const user = auth.find(a => a.username)?.username;
  const key = auth.find(a => a.type?.toUpperCase() === 'PKI' && a.name)?.name;
  const vars: string[] = [];
  if (address) vars.push(`ansible_host=${ansibleValue(String(address))}`);
  if (user) vars.push(`ansible_user=${ansibleValue(user)}`);
  if (key) {
    const dir = keyDirectory.replace(/\/+$/, '');
    vars.push(`ansible_ssh_private_key_file=${ansibleValue(`${dir}/${key}`)}`);
  }
  return [name, ...vars].join(' ');
}

/**
 * INI inventory from rows ordered by group, then server: each group's
 * section once, each host once per group. Hosts without a group come first,
 * outside any section (Ansible's `ungrouped`).
 */
export async function* ansibleChunks(
  plan: AnsiblePlan,
  rows: AsyncIterable<{ row: ReportRow; groupKey?: string }>,
  opts: { keyDirectory: string; title: string },
): AsyncGenerator<string> {
  yield `# Ansible inventory of the Maestro report "${opts.title.replace(
    /[\r\n]/g,
    ' ',
  )}"\n`;
  let group: string | undefined;
  let lastHost: unknown;
  for await (const { row, groupKey } of rows) {
    const key = groupKey ?? '';
    if (key !== group) {
      group = key;
      lastHost = undefined;
      if (key) yield `\n[${ansibleGroupName(key)}]\n`;
    }
    const host = row[`${plan.serverPrefix}entityRef`];
    if (host === lastHost) continue;
    lastHost = host;
    yield `${ansibleHostLine(row, plan.serverPrefix, opts.keyDirectory)}\n`;
  }
}
