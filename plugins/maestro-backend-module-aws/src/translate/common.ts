import { DiscoveredEntity } from '@maestro/plugin-maestro-node';
import { MaestroTag } from '@maestro/plugin-maestro-common';

export const API_VERSION = 'maestroserver.io/v1alpha1';

export type AwsTag = { Key?: string; Value?: string };

/** Where a translation is: the region of the page it came from. */
export interface TranslationContext {
  region: string;
}

export const ref = (kind: string, name: string) =>
  `${kind}:default/${name.toLowerCase()}`;

export function tagValue(tags: AwsTag[] | undefined, key: string) {
  return tags?.find(t => t.Key === key)?.Value || undefined;
}

export function maestroTags(
  tags: AwsTag[] | undefined,
): MaestroTag[] | undefined {
  const out = (tags ?? [])
    .filter(t => t.Key)
    .map(t => ({ key: t.Key!, value: t.Value ?? '' }));
  return out.length ? out : undefined;
}

const LABEL_PART = /^[A-Za-z0-9]([A-Za-z0-9._-]{0,61}[A-Za-z0-9])?$/;

/**
 * Tags as catalog labels. Labels only take short plain keys and values,
 * so tags that do not fit stay in `spec.tags` only.
 */
export function tagLabels(tags: AwsTag[] | undefined) {
  const labels: Record<string, string> = {};
  for (const t of tags ?? []) {
    if (!t.Key || !LABEL_PART.test(t.Key)) continue;
    const value = t.Value ?? '';
    if (value !== '' && !LABEL_PART.test(value)) continue;
    labels[t.Key] = value;
  }
  return Object.keys(labels).length ? labels : undefined;
}

/** Drops undefined fields, so checksums do not see them. */
export function compact<T extends Record<string, unknown>>(value: T): T {
  return Object.fromEntries(
    Object.entries(value).filter(([, v]) => v !== undefined),
  ) as T;
}

export function entity(
  kind: string,
  name: string,
  title: string | undefined,
  tags: AwsTag[] | undefined,
  spec: Record<string, unknown>,
): DiscoveredEntity {
  return {
    apiVersion: API_VERSION,
    kind,
    metadata: compact({
      name: name.toLowerCase(),
      title: title ?? name,
      labels: tagLabels(tags),
    }) as DiscoveredEntity['metadata'],
    spec: compact({ ...spec, tags: maestroTags(tags) }),
  };
}
