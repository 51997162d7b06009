import {
  RELATION_DEPENDENCY_OF,
  RELATION_DEPENDS_ON,
  RELATION_HAS_PART,
  RELATION_OWNED_BY,
  RELATION_OWNER_OF,
  RELATION_PART_OF,
} from '@backstage/catalog-model';
import {
  MAESTRO_OWN_KINDS,
  RELATION_ATTACHED_TO,
  RELATION_BASE_OF,
  RELATION_BUILT_FROM,
  RELATION_ENTRY_POINT_OF,
  RELATION_FLAVOR_OF,
  RELATION_HAS_ATTACHED,
  RELATION_HAS_ENTRY_POINT,
  RELATION_HAS_SNAPSHOT,
  RELATION_HOSTS,
  RELATION_IN_NETWORK,
  RELATION_LOCATED_IN,
  RELATION_LOCATION_OF,
  RELATION_NETWORK_OF,
  RELATION_OF_FLAVOR,
  RELATION_ROUTED_FROM,
  RELATION_ROUTES_TO,
  RELATION_RUNS_ON,
  RELATION_SERVED_BY,
  RELATION_SERVES,
  RELATION_SNAPSHOT_OF,
} from '@maestro/plugin-maestro-common';

/**
 * A spec field that holds entity references, and the pair of relations each
 * reference becomes.
 */
export interface MaestroRelationField {
  /** Dotted path of the field: one ref, or a list of refs. */
  path: string;
  /** For a list of objects, the key of the ref in each object (`target`). */
  itemKey?: string;
  /** Kind of a ref written without one; none where several kinds fit. */
  defaultKind?: string;
  /** Relation from the entity to the referenced one. */
  outgoing: string;
  /** Relation from the referenced entity back to this one. */
  incoming: string;
  /**
   * Path of a field whose refs Backstage's builtin processor already turns
   * into the same relations; those refs are skipped here so each relation is
   * emitted once.
   */
  handledByBackstageAt?: string;
  /**
   * Set where the referenced entity is shared by many (an owner, a
   * datacenter, an image, a flavor, a network), to the kinds it may have.
   * The entity then emits only the outgoing relation; the shared one gathers
   * the incoming relations itself when it is processed. A reverse relation
   * emitted by each member would make the catalog stitch the shared entity,
   * with all its members, again for every member added: at 100,000 servers
   * that is most of the catalog's work.
   */
  sharedTargetKinds?: readonly string[];
}

const locatedInDatacenter: MaestroRelationField = {
  path: 'spec.datacenter.ref',
  defaultKind: 'datacenter',
  outgoing: RELATION_LOCATED_IN,
  incoming: RELATION_LOCATION_OF,
  sharedTargetKinds: ['datacenter'],
};

/** Backstage only emits ownership for its own kinds; Maestro's need it too. */
const ownedBy: MaestroRelationField = {
  path: 'spec.owner',
  defaultKind: 'group',
  outgoing: RELATION_OWNED_BY,
  incoming: RELATION_OWNER_OF,
  sharedTargetKinds: ['group', 'user'],
};

/** Fields of applications (Component) and the other families (Resource). */
const serviceFields: MaestroRelationField[] = [
  locatedInDatacenter,
  {
    path: 'spec.servers',
    defaultKind: 'server',
    outgoing: RELATION_RUNS_ON,
    incoming: RELATION_HOSTS,
  },
  {
    path: 'spec.systems',
    defaultKind: 'system',
    outgoing: RELATION_PART_OF,
    incoming: RELATION_HAS_PART,
    handledByBackstageAt: 'spec.system',
  },
  {
    path: 'spec.dependencies',
    itemKey: 'target',
    outgoing: RELATION_DEPENDS_ON,
    incoming: RELATION_DEPENDENCY_OF,
    handledByBackstageAt: 'spec.dependsOn',
  },
  {
    path: 'spec.targets',
    outgoing: RELATION_ROUTES_TO,
    incoming: RELATION_ROUTED_FROM,
  },
];

const ownKindFields: Record<string, MaestroRelationField[]> = {
  Server: [
    {
      path: 'spec.image',
      defaultKind: 'image',
      outgoing: RELATION_BUILT_FROM,
      incoming: RELATION_BASE_OF,
      sharedTargetKinds: ['image'],
    },
    {
      path: 'spec.flavor',
      defaultKind: 'flavor',
      outgoing: RELATION_OF_FLAVOR,
      incoming: RELATION_FLAVOR_OF,
      sharedTargetKinds: ['flavor'],
    },
    {
      path: 'spec.networks',
      defaultKind: 'network',
      outgoing: RELATION_IN_NETWORK,
      incoming: RELATION_NETWORK_OF,
      sharedTargetKinds: ['network'],
    },
  ],
  Volume: [
    {
      path: 'spec.server',
      defaultKind: 'server',
      outgoing: RELATION_ATTACHED_TO,
      incoming: RELATION_HAS_ATTACHED,
    },
  ],
  Snapshot: [
    {
      path: 'spec.volume',
      defaultKind: 'volume',
      outgoing: RELATION_SNAPSHOT_OF,
      incoming: RELATION_HAS_SNAPSHOT,
    },
  ],
  Network: [
    {
      path: 'spec.network',
      defaultKind: 'network',
      outgoing: RELATION_IN_NETWORK,
      incoming: RELATION_NETWORK_OF,
      sharedTargetKinds: ['network'],
    },
  ],
};

const extendedKindFields: Record<string, MaestroRelationField[]> = {
  Component: serviceFields,
  Resource: serviceFields,
  System: [
    locatedInDatacenter,
    {
      path: 'spec.clients',
      defaultKind: 'client',
      outgoing: RELATION_SERVES,
      incoming: RELATION_SERVED_BY,
    },
    {
      path: 'spec.entryPoints',
      defaultKind: 'component',
      outgoing: RELATION_HAS_ENTRY_POINT,
      incoming: RELATION_ENTRY_POINT_OF,
    },
  ],
};

/** The reference fields of an entity of the given kind (empty if none). */
export function relationFieldsOf(kind: string): MaestroRelationField[] {
  if (MAESTRO_OWN_KINDS.includes(kind)) {
    return [ownedBy, locatedInDatacenter, ...(ownKindFields[kind] ?? [])];
  }
  return extendedKindFields[kind] ?? [];
}

/** An incoming relation that a shared entity gathers from its members. */
export interface GatheredRelation {
  /** The members' relation to the shared entity (`locatedIn`). */
  outgoing: string;
  /** The relation the shared entity emits to each member (`locationOf`). */
  incoming: string;
}

/**
 * Which shared entities owe which members a reverse relation: per target
 * kind, per incoming relation, the member kinds whose shared fields point
 * at such a target. All kinds lower case.
 */
const sharedFieldIndex = (() => {
  const byTarget = new Map<
    string,
    Map<string, { outgoing: string; memberKinds: Set<string> }>
  >();
  const sourceKinds = [
    ...MAESTRO_OWN_KINDS,
    ...Object.keys(extendedKindFields),
  ];
  for (const sourceKind of sourceKinds) {
    for (const field of relationFieldsOf(sourceKind)) {
      for (const targetKind of field.sharedTargetKinds ?? []) {
        const byIncoming = byTarget.get(targetKind) ?? new Map();
        byTarget.set(targetKind, byIncoming);
        const entry = byIncoming.get(field.incoming) ?? {
          outgoing: field.outgoing,
          memberKinds: new Set<string>(),
        };
        entry.memberKinds.add(sourceKind.toLowerCase());
        byIncoming.set(field.incoming, entry);
      }
    }
  }
  return byTarget;
})();

/** Whether entities of the kind are shared targets that gather relations. */
export function isSharedTargetKind(kind: string): boolean {
  return sharedFieldIndex.has(kind.toLowerCase());
}

/**
 * The incoming relations an entity of the given kind gathers as a shared
 * target; empty for kinds that are never one.
 */
export function gatheredRelationsOf(kind: string): GatheredRelation[] {
  return [...(sharedFieldIndex.get(kind.toLowerCase()) ?? [])].map(
    ([incoming, { outgoing }]) => ({ outgoing, incoming }),
  );
}

/**
 * Whether a shared entity of `targetKind` owes a member of `memberKind` the
 * relation `incoming`: the one test both the gathering and the provider's
 * comparison apply, so that they agree on what a shared entity holds.
 */
export function gathersFrom(
  targetKind: string,
  memberKind: string,
  incoming: string,
): boolean {
  return (
    sharedFieldIndex
      .get(targetKind.toLowerCase())
      ?.get(incoming)
      ?.memberKinds.has(memberKind.toLowerCase()) ?? false
  );
}
