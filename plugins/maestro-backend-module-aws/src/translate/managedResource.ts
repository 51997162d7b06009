import { createHash } from 'crypto';
import { DiscoveredEntity } from '@maestro/plugin-maestro-node';
import {
  MAX_NAME_LENGTH,
  findFamily,
  slugify,
} from '@maestro/plugin-maestro-common';
import {
  AwsTag,
  TranslationContext,
  compact,
  maestroTags,
  tagLabels,
} from './common';

/** Managed services are Backstage Resources (see DESIGN: families). */
export const RESOURCE_API_VERSION = 'backstage.io/v1alpha1';

/**
 * A `metadata.name` for a resource whose own name is unique only within
 * an account and region: the readable name, then a short hash of its
 * globally unique key (an ARN), e.g. `sessions-0-3f9c2a71d0`. Stable for
 * as long as the key is, and within Backstage's 63 characters.
 */
export function stableName(readable: string, uniqueKey: string): string {
  const hash = createHash('sha256')
    .update(uniqueKey)
    .digest('hex')
    .slice(0, 10);
  return `${slugify(readable, MAX_NAME_LENGTH - hash.length - 1)}-${hash}`;
}

/** `db.r5.xlarge` / `cache.t3.micro` -> `xlarge` / `micro`: Maestro's size. */
export function sizeOfClass(instanceClass: string | undefined) {
  return instanceClass?.split('.').pop() || undefined;
}

/** Where a managed resource is: AWS, its region, and a zone when it has one. */
export function placement(
  context: TranslationContext,
  extra: { zone?: string; instanceType?: string } = {},
) {
  return compact({ provider: 'AWS', region: context.region, ...extra });
}

/** Non-empty lists only, so an empty one and a missing one read the same. */
export function listOrUndefined<T>(items: Array<T | undefined>) {
  const out = items.filter((i): i is T => i !== undefined && i !== '');
  return out.length ? [...new Set(out)] : undefined;
}

/**
 * A managed service as a Maestro Resource of its family: `spec.type` is
 * the family's type, `spec.family` its Maestro name. The owner is the
 * connection's, filled in by the engine.
 */
export function managedResource(opts: {
  family: string;
  name: string;
  title: string;
  tags?: AwsTag[];
  spec: Record<string, unknown>;
}): DiscoveredEntity {
  const family = findFamily(opts.family);
  if (!family) throw new Error(`Unknown Maestro family ${opts.family}`);
  return {
    apiVersion: RESOURCE_API_VERSION,
    kind: 'Resource',
    metadata: compact({
      name: opts.name.toLowerCase(),
      title: opts.title,
      labels: tagLabels(opts.tags),
    }) as DiscoveredEntity['metadata'],
    spec: compact({
      type: family.type,
      family: family.family,
      ...opts.spec,
      tags: maestroTags(opts.tags),
    }),
  };
}
