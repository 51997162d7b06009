import { createHash } from 'crypto';
import { DiscoveredEntity } from '@maestro/plugin-maestro-node';
import {
  MAESTRO_API_VERSION,
  MaestroTag,
  findFamily,
} from '@maestro/plugin-maestro-common';

export const PROVIDER = 'DigitalOcean';
const BACKSTAGE_API_VERSION = 'backstage.io/v1alpha1';

export const ref = (kind: string, name: string) =>
  `${kind}:default/${name.toLowerCase()}`;

/**
 * Names of records whose DigitalOcean id is a bare number (droplets,
 * images, droplet snapshots): the number alone could be any provider's, so
 * the resource type goes in front. UUIDs are kept as they are.
 */
export const dropletName = (id: number | string) => `droplet-${id}`;
export const imageName = (id: number | string) => `image-${id}`;
export const dropletRef = (id: number | string) =>
  ref('server', dropletName(id));

/**
 * A catalog name from parts that may be too long for one (63 characters):
 * cut, and made unique again with a short hash of the whole.
 */
export function boundedName(value: string): string {
  const name = value.toLowerCase().replace(/[^a-z0-9._-]/g, '-');
  if (name.length <= 63) return name;
  const hash = createHash('sha1').update(name).digest('hex').slice(0, 8);
  return `${name.slice(0, 54).replace(/[._-]+$/, '')}-${hash}`;
}

/**
 * DigitalOcean tags are plain strings; `key:value` is the usual way to give
 * them a value (`env:production`, `k8s:<cluster id>`), so they split at the
 * first colon.
 */
export function maestroTags(
  tags: string[] | null | undefined,
): MaestroTag[] | undefined {
  const out = (tags ?? []).filter(Boolean).map(tag => {
    const at = tag.indexOf(':');
    return at > 0
      ? { key: tag.slice(0, at), value: tag.slice(at + 1) }
      : { key: tag, value: '' };
  });
  return out.length ? out : undefined;
}

const LABEL_PART = /^[A-Za-z0-9]([A-Za-z0-9._-]{0,61}[A-Za-z0-9])?$/;

/** Tags as catalog labels, for those that fit label syntax. */
export function tagLabels(tags: string[] | null | undefined) {
  const labels: Record<string, string> = {};
  for (const t of maestroTags(tags) ?? []) {
    if (!LABEL_PART.test(t.key)) continue;
    if (t.value !== '' && !LABEL_PART.test(t.value!)) continue;
    labels[t.key] = t.value!;
  }
  return Object.keys(labels).length ? labels : undefined;
}

/** Drops undefined fields, so checksums do not see them. */
export function compact<T extends Record<string, unknown>>(value: T): T {
  return Object.fromEntries(
    Object.entries(value).filter(([, v]) => v !== undefined),
  ) as T;
}

/** Where a DigitalOcean resource is: provider, region, and any extra placement. */
export function placement(
  region: string | undefined,
  extra: Record<string, string | string[] | undefined> = {},
) {
  return compact({ provider: PROVIDER, region, ...extra });
}

interface EntityParts {
  name: string;
  title?: string;
  description?: string;
  tags?: string[] | null;
  spec: Record<string, unknown>;
}

/** An entity of one of Maestro's own kinds (Server, Volume, Network...). */
export function entity(kind: string, parts: EntityParts): DiscoveredEntity {
  return {
    apiVersion: MAESTRO_API_VERSION,
    kind,
    metadata: compact({
      name: parts.name.toLowerCase(),
      title: parts.title || parts.name,
      description: parts.description || undefined,
      labels: tagLabels(parts.tags),
    }) as DiscoveredEntity['metadata'],
    spec: compact({ ...parts.spec, tags: maestroTags(parts.tags) }),
  };
}

/**
 * A managed service as a Backstage Resource of its Maestro family (its
 * `spec.type` from the family). The owner comes from the connection.
 */
export function familyResource(
  family: string,
  parts: EntityParts,
): DiscoveredEntity {
  const type = findFamily(family)?.type;
  if (!type) throw new Error(`Unknown Maestro family ${family}`);
  const base = entity('Resource', parts);
  return {
    ...base,
    apiVersion: BACKSTAGE_API_VERSION,
    spec: { type, family, ...base.spec },
  };
}
