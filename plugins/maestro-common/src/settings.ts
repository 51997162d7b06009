import { MAESTRO_OPTIONS } from './options';

/**
 * Maestro's settings: the services catalog that servers pick their services
 * from, the option lists of every form, and the regions and zones of each
 * provider. The store keeps what a user changed; these are the defaults.
 */

/** A service that servers run (Inventory > Settings > Services). */
export interface ServiceDefinition {
  name: string;
  /** Maestro families the service belongs to (`Database`, `Cache`, ...). */
  families: string[];
}

/** Provider -> region -> zones (Inventory > Settings > Regions and zones). */
export type RegionsByProvider = Record<string, Record<string, string[]>>;

/** Option list name (`environments`, `oracle.role`) -> its values. */
export type OptionLists = Record<string, string[]>;

export interface MaestroSettings {
  options: OptionLists;
  services: ServiceDefinition[];
  regions: RegionsByProvider;
}

/** The option lists of {@link MAESTRO_OPTIONS}, flattened to dotted names. */
export function defaultOptionLists(): OptionLists {
  const lists: OptionLists = {};
  const walk = (prefix: string, value: unknown) => {
    if (Array.isArray(value)) {
      lists[prefix] = [...value];
    } else if (value && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value)) {
        walk(prefix ? `${prefix}.${key}` : key, inner);
      }
    }
  };
  walk('', MAESTRO_OPTIONS);
  return lists;
}

/** Services most inventories start with; a user edits the list in Settings. */
export const DEFAULT_SERVICES: readonly ServiceDefinition[] = [
  { name: 'Apache', families: ['Application', 'Loadbalance'] },
  { name: 'Nginx', families: ['Application', 'Loadbalance'] },
  { name: 'HAProxy', families: ['Loadbalance'] },
  { name: 'Tomcat', families: ['Application'] },
  { name: 'Node.js', families: ['Application'] },
  { name: 'MySQL', families: ['Database'] },
  { name: 'PostgreSQL', families: ['Database'] },
  { name: 'Oracle', families: ['Database'] },
  { name: 'MongoDB', families: ['Database'] },
  { name: 'Redis', families: ['Cache', 'Database'] },
  { name: 'Memcached', families: ['Cache'] },
  { name: 'RabbitMQ', families: ['Broker'] },
  { name: 'Kafka', families: ['Broker'] },
  { name: 'Jenkins', families: ['CI/CD'] },
  { name: 'Docker', families: ['ContainerOrchestration'] },
  { name: 'Kubernetes', families: ['ContainerOrchestration'] },
  { name: 'Consul', families: ['ServiceDiscovery'] },
  { name: 'Prometheus', families: ['Monitor'] },
  { name: 'Elasticsearch', families: ['Logs', 'Database'] },
  { name: 'Postfix', families: ['SMTP'] },
  { name: 'OpenVPN', families: ['VPN'] },
  { name: 'Bind', families: ['DNS'] },
];

/** Maestro 0.6's default regions and zones (its zones.json). */
export const DEFAULT_REGIONS: RegionsByProvider = {
  AWS: {
    'us-east-1 (N. Virginia)': [
      'us-east-1a',
      'us-east-1b',
      'us-east-1c',
      'us-east-1d',
      'us-east-1e',
      'us-east-1f',
    ],
    'us-west-2 (Oregon)': ['us-west-2a', 'us-west-2b', 'us-west-2c'],
  },
  OpenStack: {
    RegionOne: ['RegionTwoA', 'RegionTwoB'],
    RegionTwo: ['RegionTwoA', 'RegionTwoB'],
  },
  Azure: { eastus: ['Zone 1', 'Zone 2', 'Zone 3'] },
};

/** Rebuilds the nested shape of {@link MAESTRO_OPTIONS} from dotted list names. */
export function nestOptionLists(lists: OptionLists): Record<string, unknown> {
  const nested: Record<string, any> = {};
  for (const [name, values] of Object.entries(lists)) {
    const path = name.split('.');
    let node = nested;
    for (const segment of path.slice(0, -1)) node = node[segment] ??= {};
    node[path[path.length - 1]] = values;
  }
  return nested;
}
