import { Entity } from '@backstage/catalog-model';
import { MaestroRoleSpec, findFamily } from '@maestro/plugin-maestro-common';
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
import { slugify } from './references';

const FILE = 'apps.json';

/** Fields of 0.6's database form (Oracle, MySQL, generic) -> `spec.database`. */
const DATABASE_FIELDS = [
  'type',
  'modal',
  'dataguard',
  'pdbs',
  'asm_groups',
  'crs_version',
  'storage_types',
];

/** Fields that have a place of their own in the spec. */
const MAPPED_FIELDS = [
  'name',
  'family',
  'description',
  'status',
  'environment',
  'language',
  'cluster',
  'size',
  'provider',
  'deploy',
  'role',
  'tags',
  'system',
  'datacenters',
  'queues',
  'domain',
  'urls',
  ...DATABASE_FIELDS,
];

/**
 * Backstage lifecycles from 0.6 environments: only production code is
 * `production`; Staging, Development, UTA, SandBox... are `experimental`.
 */
const LIFECYCLE_BY_ENVIRONMENT: Record<string, string> = {
  production: 'production',
};

/**
 * apps.json -> a Component for the family Application, a Resource of the
 * family's type for every other family (Database, Loadbalance, Cache...).
 * Servers and dependencies are added later, from servers.json and deps.json.
 */
export function translateApplications(
  ctx: ImportContext,
  files: Record<string, unknown>,
) {
  for (const { doc, index } of documentsOf(ctx, files, FILE) ?? []) {
    const r = new DocumentReader(ctx, FILE, index, doc);
    const title = r.string('name', true);
    const family = r.string('family', true);
    const spec = serviceSpec(ctx, r);
    if (!title || !family) continue;

    const isApplication = family.toLowerCase() === 'application';
    const kind = isApplication ? 'Component' : 'Resource';
    const entity: Entity = {
      apiVersion: 'backstage.io/v1alpha1',
      kind,
      metadata: compact({
        name: ctx.names.claim(kind, title),
        title,
        description: r.string('description'),
      }),
      spec: isApplication
        ? {
            type: 'service',
            lifecycle:
              LIFECYCLE_BY_ENVIRONMENT[spec.environment?.toLowerCase() ?? ''] ??
              'experimental',
            ...spec,
            family: 'Application',
          }
        : {
            // A family Maestro does not list still imports, as its own type.
            type: findFamily(family)?.type ?? slugify(family),
            ...spec,
            family,
          },
    };
    ctx.names.register('apps', title, ctx.emit(entity, FILE, index));
  }
}

function serviceSpec(ctx: ImportContext, r: DocumentReader) {
  const status = r.string('status');
  const systems = r.references('systems', 'system');
  const database = camelCaseKeys(pick(r.doc, DATABASE_FIELDS));
  const properties = camelCaseKeys(r.doc, MAPPED_FIELDS);
  return compact({
    owner: ctx.owner,
    environment: r.string('environment'),
    status,
    active: isActiveStatus(status),
    language: r.string('language'),
    cluster: r.string('cluster'),
    size: r.string('size'),
    provider: r.string('provider'),
    system: systems[0],
    systems: systems.length ? systems : undefined,
    datacenter: placementIn(ctx, r.reference('datacenters', 'datacenters')),
    role: roleOf(r),
    deploy: objectList(r, 'deploy'),
    queues: r.stringList('queues'),
    domain: r.stringList('domain'),
    urls: r.stringList('urls'),
    database: Object.keys(database).length ? database : undefined,
    tags: r.tags(),
    // 0.6 fields without a place in the model (e.g. `own`), kept verbatim.
    properties: Object.keys(properties).length ? properties : undefined,
  });
}

/** 0.6's `role` block: `code` is the start command, `healthcheck` a path. */
function roleOf(r: DocumentReader): MaestroRoleSpec | undefined {
  const role = r.object('role');
  if (!role) return undefined;
  const { code, healthcheck, ...rest } = role;
  const spec: MaestroRoleSpec = compact({
    ...camelCaseKeys(rest),
    command: typeof code === 'string' ? code : undefined,
    healthCheck: typeof healthcheck === 'string' ? healthcheck : undefined,
  });
  return Object.keys(spec).length ? spec : undefined;
}

function objectList(r: DocumentReader, key: string): Doc[] | undefined {
  const items = r.list(key);
  if (!items) return undefined;
  return items.filter((item, i) => {
    if (!isPlainObject(item)) r.error(`${key}[${i}]`, 'must be an object');
    return isPlainObject(item);
  }) as Doc[];
}

function pick(doc: Doc, keys: readonly string[]): Doc {
  return Object.fromEntries(
    Object.entries(doc).filter(([k]) => keys.includes(k)),
  );
}

/** Adds `serverRef` to the servers an application or resource runs on. */
export function addServer(
  ctx: ImportContext,
  appRef: string,
  serverRef: string,
) {
  const spec = ctx.specOf(appRef);
  if (!spec) return;
  const servers = (spec.servers as string[] | undefined) ?? [];
  if (!servers.includes(serverRef)) spec.servers = [...servers, serverRef];
}
