import {
  CompoundEntityRef,
  DEFAULT_NAMESPACE,
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { Knex } from 'knex';
import {
  gatheredRelationsOf,
  gathersFrom,
  relationFieldsOf,
} from './maestroRelationFields';
import { parsedRefsAt } from './maestroRefs';

/** One incoming relation of a shared entity, found among its members'. */
export interface IncomingRelation {
  /** The relation the shared entity emits (`locationOf`). */
  type: string;
  /** The member it points at. */
  memberRef: string;
}

/**
 * The refresh key a shared entity (datacenter, image, flavor, network,
 * owner) emits, so that whoever adds members to it can have it gather them.
 */
export function sharedTargetRefreshKey(entityRef: string): string {
  return `maestro-shared-target:${entityRef}`;
}

/**
 * Reads, from the catalog's own relation rows, the members that point at a
 * shared entity, so that the shared entity emits the reverse relations
 * itself. Relation pairs thus stay whole, while the shared entity is stitched
 * once per processing instead of once per member added.
 */
export class SharedTargetRelations {
  constructor(private readonly knex: Knex) {}

  /** The members that point at the shared entity, and what it owes each. */
  async incoming(target: CompoundEntityRef): Promise<IncomingRelation[]> {
    const gathered = gatheredRelationsOf(target.kind);
    if (gathered.length === 0) {
      return [];
    }
    const incomingOf = new Map(gathered.map(g => [g.outgoing, g.incoming]));
    const rows: Array<{ source_entity_ref: string; type: string }> =
      await this.knex('relations')
        .distinct('source_entity_ref', 'type')
        .where('target_entity_ref', stringifyEntityRef(target))
        .whereIn('type', [...incomingOf.keys()]);
    const found: IncomingRelation[] = [];
    for (const row of rows) {
      const type = incomingOf.get(row.type)!;
      // Backstage's own processor pairs its kinds' relations (ownerOf of a
      // Component); only the members this module left unpaired are gathered.
      const memberKind = parseEntityRef(row.source_entity_ref).kind;
      if (gathersFrom(target.kind, memberKind, type)) {
        found.push({ type, memberRef: row.source_entity_ref });
      }
    }
    return found;
  }
}

/** A shared entity an entity points at, and the relation it owes back. */
export interface SharedTarget {
  targetRef: string;
  /** The reverse relation the shared entity emits (`locationOf`). */
  incoming: string;
}

/** The shared entities an entity points at (its datacenter, owner, ...). */
export function sharedTargetsOf(entity: Entity): SharedTarget[] {
  const targets = new Map<string, SharedTarget>();
  const defaultNamespace = entity.metadata.namespace ?? DEFAULT_NAMESPACE;
  for (const field of relationFieldsOf(entity.kind)) {
    if (!field.sharedTargetKinds) {
      continue;
    }
    const context = { defaultKind: field.defaultKind, defaultNamespace };
    for (const targetRef of parsedRefsAt(entity, field, context)) {
      targets.set(`${field.incoming} ${targetRef}`, {
        targetRef,
        incoming: field.incoming,
      });
    }
  }
  return [...targets.values()];
}
