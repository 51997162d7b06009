import { DiscoveredEntity } from '@maestro/plugin-maestro-node';
import {
  MAESTRO_API_VERSION,
  MaestroTag,
} from '@maestro/plugin-maestro-common';

export const PROVIDER = 'OpenStack';

/** Where a translation is: the region of the page, and the cloud it belongs to. */
export interface TranslationContext {
  region: string;
  /** Short key of the cloud and region (see OpenStackSession.cloudKey). */
  cloudKey: string;
}

/**
 * OpenStack's free-form tags: key/value metadata (Nova, Cinder) and plain
 * tag strings (Nova from microversion 2.26, Glance, Neutron, Octavia).
 */
export interface OpenStackTags {
  metadata?: Record<string, unknown> | null;
  tags?: unknown[] | null;
}

export const ref = (kind: string, name: string) =>
  `${kind}:default/${name.toLowerCase()}`;

/** Drops undefined fields, so checksums do not see them. */
export function compact<T extends Record<string, unknown>>(value: T): T {
  return Object.fromEntries(
    Object.entries(value).filter(([, v]) => v !== undefined),
  ) as T;
}

export function maestroTags({
  metadata,
  tags,
}: OpenStackTags): MaestroTag[] | undefined {
  const out: MaestroTag[] = [
    ...Object.entries(metadata ?? {}).map(([key, value]) => ({
      key,
      value: value === null || value === undefined ? '' : String(value),
    })),
    ...(tags ?? [])
      .filter((t): t is string => typeof t === 'string' && t !== '')
      .map(key => ({ key, value: '' })),
  ];
  return out.length ? out : undefined;
}

const LABEL_PART = /^[A-Za-z0-9]([A-Za-z0-9._-]{0,61}[A-Za-z0-9])?$/;

/**
 * Metadata as catalog labels. Labels only take short plain keys and
 * values, so metadata that does not fit stays in `spec.tags` only.
 */
export function metadataLabels(
  metadata: Record<string, unknown> | null | undefined,
) {
  const labels: Record<string, string> = {};
  for (const [key, raw] of Object.entries(metadata ?? {})) {
    const value = raw === null || raw === undefined ? '' : String(raw);
    if (!LABEL_PART.test(key)) continue;
    if (value !== '' && !LABEL_PART.test(value)) continue;
    labels[key] = value;
  }
  return Object.keys(labels).length ? labels : undefined;
}

/** A Maestro entity of one of its own kinds, named by the cloud's id. */
export function entity(
  kind: string,
  name: string,
  title: string | null | undefined,
  tags: OpenStackTags,
  spec: Record<string, unknown>,
): DiscoveredEntity {
  return {
    apiVersion: MAESTRO_API_VERSION,
    kind,
    metadata: compact({
      name: name.toLowerCase(),
      title: title || name,
      labels: metadataLabels(tags.metadata),
    }) as DiscoveredEntity['metadata'],
    spec: compact({ ...spec, tags: maestroTags(tags) }),
  };
}

/** The placement every OpenStack record carries. */
export function placement(
  context: TranslationContext,
  extra: Record<string, unknown> = {},
) {
  return compact({ provider: PROVIDER, region: context.region, ...extra });
}

/**
 * Cinder and Octavia write naive timestamps (`2018-11-29T06:50:07.770785`)
 * that are UTC; Maestro keeps ISO 8601 with the zone.
 */
export function utcTimestamp(value: string | null | undefined) {
  if (!value) return undefined;
  const withZone = /[zZ]|[+-]\d\d:?\d\d$/.test(value) ? value : `${value}Z`;
  const ms = Date.parse(withZone.replace(/(\.\d{3})\d+/, '$1'));
  return Number.isNaN(ms) ? value : new Date(ms).toISOString();
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The entity name of a flavor. Flavor ids are only unique within one Nova
 * (DevStack's are `1`..`5`), so unless the id is a UUID it is prefixed with
 * the key of its cloud and region; servers refer to flavors the same way.
 */
export function flavorEntityName(flavorId: string, cloudKey: string): string {
  if (UUID.test(flavorId)) return flavorId.toLowerCase();
  const slug = flavorId
    .toLowerCase()
    .replace(/[^a-z0-9_.-]+/g, '-')
    .replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, '');
  return `os-${cloudKey}-${slug || 'flavor'}`
    .slice(0, 63)
    .replace(/[^a-z0-9]+$/, '');
}
