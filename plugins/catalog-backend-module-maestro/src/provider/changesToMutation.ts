import {
  ANNOTATION_LOCATION,
  ANNOTATION_ORIGIN_LOCATION,
  Entity,
  entityEnvelopeSchemaValidator,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { JsonArray } from '@backstage/types';
import { DeferredEntity } from '@backstage/plugin-catalog-node';
import { MaestroChange } from '@maestro/plugin-maestro-common';
import { MAESTRO_ACCESS_ANNOTATION } from '@maestro/plugin-maestro-node';

/** Location key of every entity the provider publishes. */
export const MAESTRO_LOCATION_KEY = 'maestro';

/** A change that cannot be published, and why. */
export interface SkippedChange {
  seq: number;
  entityRef: string;
  reason: string;
}

/** A delta mutation built from a page of changes. */
export interface MaestroDelta {
  added: DeferredEntity[];
  removed: Array<{ entityRef: string; locationKey: string }>;
  /** Changes left out; they must not block the feed behind them. */
  skipped: SkippedChange[];
}

const validateEnvelope = entityEnvelopeSchemaValidator();

/**
 * Turns a page of store changes into one delta mutation: the last change of
 * each entity wins, deleted records and kinds that are not published become
 * removals (removing what was never published is a no-op for the catalog),
 * and every published entity points back at its Maestro record.
 */
export function changesToMutation(
  changes: MaestroChange[],
  options: { kinds?: ReadonlySet<string> },
): MaestroDelta {
  const latestByRef = new Map<string, MaestroChange>();
  const skipped: SkippedChange[] = [];

  for (const change of changes) {
    const entityRef = normalizeRef(change.entityRef);
    if (!entityRef) {
      skipped.push({ ...pick(change), reason: 'malformed entityRef' });
      continue;
    }
    latestByRef.delete(entityRef);
    latestByRef.set(entityRef, change);
  }

  const added: DeferredEntity[] = [];
  const removed: MaestroDelta['removed'] = [];
  for (const [entityRef, change] of latestByRef) {
    const { entity } = change;
    if (!entity || (options.kinds && !options.kinds.has(entity.kind))) {
      removed.push({ entityRef, locationKey: MAESTRO_LOCATION_KEY });
      continue;
    }
    const problem = envelopeProblem(entity, entityRef);
    if (problem) {
      skipped.push({ ...pick(change), reason: problem });
      continue;
    }
    added.push({
      entity: withAccess(
        withMaestroLocation(entity, change.entityRef),
        change.access,
      ),
      locationKey: MAESTRO_LOCATION_KEY,
    });
  }
  return { added, removed, skipped };
}

/** The location a published entity names as its origin: its Maestro record. */
export function maestroLocationOf(entityRef: string): string {
  return `maestro:${entityRef}`;
}

function withMaestroLocation(entity: Entity, entityRef: string): Entity {
  const location = maestroLocationOf(entityRef);
  return {
    ...entity,
    metadata: {
      ...entity.metadata,
      annotations: {
        ...entity.metadata.annotations,
        [ANNOTATION_LOCATION]: location,
        [ANNOTATION_ORIGIN_LOCATION]: location,
      },
    },
  };
}

/**
 * The record's access entries travel with the catalog's copy, so the
 * catalog's read rule (lists, entity pages, search) applies them too.
 */
function withAccess(entity: Entity, access: MaestroChange['access']): Entity {
  return {
    ...entity,
    metadata: {
      ...entity.metadata,
      annotations: {
        ...entity.metadata.annotations,
        [MAESTRO_ACCESS_ANNOTATION]: 'true',
      },
    },
    spec: { ...entity.spec, access: (access ?? []) as unknown as JsonArray },
  };
}

function envelopeProblem(
  entity: Entity,
  entityRef: string,
): string | undefined {
  try {
    validateEnvelope(entity);
  } catch (error) {
    return `invalid entity: ${(error as Error).message}`;
  }
  if (stringifyEntityRef(entity) !== entityRef) {
    return `entity is ${stringifyEntityRef(entity)}, not the changed record`;
  }
  return undefined;
}

function normalizeRef(entityRef: unknown): string | undefined {
  if (typeof entityRef !== 'string') {
    return undefined;
  }
  try {
    return stringifyEntityRef(parseEntityRef(entityRef));
  } catch {
    return undefined;
  }
}

function pick(change: MaestroChange) {
  return { seq: change.seq, entityRef: String(change.entityRef) };
}
