import { Entity } from '@backstage/catalog-model';
import {
  findFamily,
  slugify,
  validateMaestroEntity,
} from '@maestro/plugin-maestro-common';
import { FileProblem } from '@maestro/plugin-maestro-node';
import { maestroEntity, withoutEmpty } from '../translateCommon';

/** The lists of Maestro's JSON import format (docs 4.2.8), each a kind. */
const LISTS = [
  'servers',
  'applications',
  'volumes',
  'snapshots',
  'images',
  'flavors',
] as const;
type ListName = (typeof LISTS)[number];
type Doc = Record<string, any>;

const BACKSTAGE = 'backstage.io/v1alpha1';

function number(value: unknown): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && value.trim() && !isNaN(Number(value)))
    return Number(value);
  return undefined;
}

/** 0.6 tags are `[{ key, value }]` (or an object); empty `{}` entries are dropped. */
function tags(value: unknown) {
  let list: any[] = [];
  if (Array.isArray(value)) list = value;
  else if (value && typeof value === 'object')
    list = Object.entries(value).map(([key, v]) => ({ key, value: v }));
  return list
    .filter(t => t && typeof t.key === 'string' && t.key)
    .map(t => ({
      key: t.key,
      value: t.value === undefined ? undefined : String(t.value),
    }));
}

function placement(doc: Doc, datacenter?: string) {
  const dc = doc.datacenters ?? doc.datacenter;
  if (!dc || typeof dc !== 'object')
    return datacenter ? { ref: datacenter } : undefined;
  return {
    ref:
      datacenter ??
      (dc.name ? `datacenter:default/${slugify(String(dc.name))}` : undefined),
    provider: dc.provider,
    region: dc.region,
    zone: dc.zone,
    instanceId: dc.instance_id,
    instanceType: dc.instance,
  };
}

const TRANSLATE: Record<ListName, (doc: Doc, datacenter?: string) => Entity> = {
  servers: (doc, datacenter) =>
    maestroEntity(
      'Server',
      doc.unique_id ?? doc.hostname,
      doc.name ?? doc.hostname,
      {
        uniqueId: doc.unique_id,
        hostname: doc.hostname,
        ipv4Private: doc.ipv4_private,
        ipv4Public: doc.ipv4_public,
        os: doc.os,
        cpu: number(doc.cpu),
        memory: number(doc.memory),
        role: doc.role,
        environment: doc.environment,
        status: doc.status,
        services: (Array.isArray(doc.services) ? doc.services : []).filter(
          (s: Doc) => s && s.name,
        ),
        storage: (Array.isArray(doc.storage) ? doc.storage : [])
          .filter((s: Doc) => s && s.name)
          .map((s: Doc) => ({ ...s, size: number(s.size) })),
        auth: (Array.isArray(doc.auth) ? doc.auth : []).filter(
          (a: Doc) => a && a.type,
        ),
        tags: tags(doc.tags),
        datacenter: placement(doc, datacenter),
      },
    ),
  applications: doc => {
    const family =
      findFamily(String(doc.family ?? 'Application').replace(/s$/, '')) ??
      findFamily('Application')!;
    const isApp = family.family === 'Application';
    return {
      apiVersion: BACKSTAGE,
      kind: isApp ? 'Component' : 'Resource',
      metadata: { name: slugify(String(doc.name ?? '')), title: doc.name },
      spec: withoutEmpty({
        type: family.type,
        family: family.family,
        owner: doc.owner ?? 'group:default/sre-engineers',
        ...(isApp ? { lifecycle: 'production' } : {}),
        environment: doc.environment,
        language: doc.language,
        tags: tags(doc.tags),
      }) as Entity['spec'],
    };
  },
  volumes: (doc, datacenter) =>
    maestroEntity('Volume', doc.unique_id ?? doc.name, doc.name, {
      uniqueId: doc.unique_id,
      size: number(doc.size),
      volumeType: doc.volume_type ?? doc.type,
      datacenter: placement(doc, datacenter),
    }),
  snapshots: (doc, datacenter) =>
    maestroEntity('Snapshot', doc.unique_id ?? doc.name, doc.name, {
      uniqueId: doc.unique_id,
      size: number(doc.size),
      volumeId: doc.volume_id,
      datacenter: placement(doc, datacenter),
    }),
  images: (doc, datacenter) =>
    maestroEntity('Image', doc.unique_id ?? doc.name, doc.name, {
      uniqueId: doc.unique_id,
      size: number(doc.size),
      platform: doc.platform,
      architecture: doc.architecture,
      datacenter: placement(doc, datacenter),
    }),
  flavors: doc =>
    maestroEntity('Flavor', doc.api_name ?? doc.name, doc.name, {
      apiName: doc.api_name ?? doc.name,
      provider: doc.provider,
      vcpus: number(doc.vcpus ?? doc.cpu),
      memory: number(doc.memory),
    }),
};

/**
 * Maestro's JSON import format: `{ servers: [...], applications: [...],
 * volumes, snapshots, images, flavors }` with Maestro 0.6's field names.
 * Every item is checked against its kind's schema; each problem names the
 * list, the index and the field.
 */
export function translateJsonImport(
  doc: unknown,
  options: { datacenter?: string } = {},
): { entities: Entity[]; errors: Array<Omit<FileProblem, 'file'>> } {
  const entities: Entity[] = [];
  const errors: Array<Omit<FileProblem, 'file'>> = [];
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) {
    errors.push({
      location: '$',
      message: `must be an object with lists ${LISTS.join(', ')}`,
    });
    return { entities, errors };
  }
  const keys = Object.keys(doc);
  for (const key of keys) {
    if (!(LISTS as readonly string[]).includes(key))
      errors.push({
        location: key,
        message: `is not a list Maestro imports (${LISTS.join(', ')})`,
      });
  }
  for (const list of LISTS) {
    const items = (doc as Doc)[list];
    if (items === undefined) continue;
    if (!Array.isArray(items)) {
      errors.push({ location: list, message: 'must be an array' });
      continue;
    }
    items.forEach((item, i) => {
      const at = `${list}[${i}]`;
      if (!item || typeof item !== 'object' || Array.isArray(item)) {
        errors.push({ location: at, message: 'must be an object' });
        return;
      }
      const identity = list === 'servers' ? item.hostname : item.name;
      if (typeof identity !== 'string' || !identity.trim()) {
        errors.push({
          location: `${at}.${list === 'servers' ? 'hostname' : 'name'}`,
          message: 'is required (a non-empty string)',
        });
        return;
      }
      const entity = TRANSLATE[list](item, options.datacenter);
      const problems = validateMaestroEntity(entity);
      if (problems.length) {
        errors.push(
          ...problems.map(p => ({
            location: `${at} (${p.field})`,
            message: p.message,
          })),
        );
        return;
      }
      entities.push(entity);
    });
  }
  return { entities, errors };
}
