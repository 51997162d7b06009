import { Entity } from '@backstage/catalog-model';
import {
  FieldError,
  MaestroKindInfo,
  findFamily,
  findMaestroKind,
  slugify,
  validateMaestroEntity,
} from '@maestro/plugin-maestro-common';

/** What a template hands the action: a kind and the fields of its form. */
export interface MaestroEntityInput {
  kind: string;
  title: string;
  name?: string;
  description?: string;
  owner?: string;
  tags?: string[];
  spec?: Record<string, unknown>;
}

/**
 * Drops what a template leaves empty (a field the form did not ask for
 * renders as undefined or ''), so the record holds only what was given.
 */
export function compact(value: unknown): unknown {
  if (Array.isArray(value)) {
    const items = value.map(compact).filter(v => v !== undefined);
    return items.length ? items : undefined;
  }
  if (value && typeof value === 'object') {
    const entries = Object.entries(value)
      .map(([k, v]) => [k, compact(v)] as const)
      .filter(([, v]) => v !== undefined);
    return entries.length ? Object.fromEntries(entries) : undefined;
  }
  return value === '' || value === null ? undefined : value;
}

/**
 * Builds the entity a template describes and checks it against its kind's
 * schema, so a bad form fails in the scaffolder with the field named and
 * nothing is written.
 */
export function buildMaestroEntity(input: MaestroEntityInput): {
  kind: MaestroKindInfo;
  entity: Entity;
  errors: FieldError[];
} {
  const kind = findMaestroKind(input.kind);
  if (!kind) {
    return {
      kind: undefined as unknown as MaestroKindInfo,
      entity: undefined as unknown as Entity,
      errors: [
        { field: 'kind', message: `'${input.kind}' is not a Maestro kind` },
      ],
    };
  }
  const spec = (compact(input.spec) ?? {}) as Record<string, unknown>;
  if (input.owner) spec.owner = input.owner;
  // Resources carry their family; Backstage wants its type beside it.
  if (kind.kind === 'Resource' && typeof spec.family === 'string' && !spec.type)
    spec.type = findFamily(spec.family)?.type;
  if (kind.kind === 'Component') {
    spec.family ??= 'Application';
    spec.type ??= 'service';
    spec.lifecycle ??= 'production';
  }
  const entity: Entity = {
    apiVersion: kind.apiVersion,
    kind: kind.kind,
    metadata: {
      name: input.name || slugify(input.title),
      title: input.title,
      ...(input.description ? { description: input.description } : {}),
      ...(input.tags?.length ? { tags: input.tags } : {}),
    },
    spec: spec as Entity['spec'],
  };
  const errors = validateMaestroEntity(entity);
  if (!input.title?.trim())
    errors.unshift({ field: 'metadata.title', message: 'is required' });
  return { kind, entity, errors };
}
