/**
 * Relation types Maestro adds to the catalog. Each comes with its reverse,
 * and the catalog processor emits both, as Backstage does for
 * `ownedBy`/`ownerOf`; for targets shared by many (datacenter, owner,
 * image, flavor, network) the shared entity emits the reverse itself. Backstage's own `ownedBy`, `partOf` and `dependsOn`
 * are used where they fit (application part of system, dependency between
 * applications).
 */

/** A server, volume, network, image, snapshot or resource is located in a datacenter. */
export const RELATION_LOCATED_IN = 'locatedIn';
/** Reverse of {@link RELATION_LOCATED_IN}. */
export const RELATION_LOCATION_OF = 'locationOf';

/** An application or resource runs on a server. */
export const RELATION_RUNS_ON = 'runsOn';
/** Reverse of {@link RELATION_RUNS_ON}. */
export const RELATION_HOSTS = 'hosts';

/** A volume is attached to a server. */
export const RELATION_ATTACHED_TO = 'attachedTo';
/** Reverse of {@link RELATION_ATTACHED_TO}. */
export const RELATION_HAS_ATTACHED = 'hasAttached';

/** A snapshot was taken of a volume. */
export const RELATION_SNAPSHOT_OF = 'snapshotOf';
/** Reverse of {@link RELATION_SNAPSHOT_OF}. */
export const RELATION_HAS_SNAPSHOT = 'hasSnapshot';

/** A server was built from an image. */
export const RELATION_BUILT_FROM = 'builtFrom';
/** Reverse of {@link RELATION_BUILT_FROM}. */
export const RELATION_BASE_OF = 'baseOf';

/** A server is of a flavor (instance type). */
export const RELATION_OF_FLAVOR = 'ofFlavor';
/** Reverse of {@link RELATION_OF_FLAVOR}. */
export const RELATION_FLAVOR_OF = 'flavorOf';

/** A server (or network) is in a network (VPC, subnet, security group...). */
export const RELATION_IN_NETWORK = 'inNetwork';
/** Reverse of {@link RELATION_IN_NETWORK}. */
export const RELATION_NETWORK_OF = 'networkOf';

/** A system serves a client. */
export const RELATION_SERVES = 'serves';
/** Reverse of {@link RELATION_SERVES}. */
export const RELATION_SERVED_BY = 'servedBy';

/** An application is an entry point of a system. */
export const RELATION_ENTRY_POINT_OF = 'entryPointOf';
/** Reverse of {@link RELATION_ENTRY_POINT_OF}. */
export const RELATION_HAS_ENTRY_POINT = 'hasEntryPoint';

/** A load balancer routes to an application or a server. */
export const RELATION_ROUTES_TO = 'routesTo';
/** Reverse of {@link RELATION_ROUTES_TO}. */
export const RELATION_ROUTED_FROM = 'routedFrom';

/** Every Maestro relation pair, forward first. */
export const MAESTRO_RELATION_PAIRS: ReadonlyArray<readonly [string, string]> =
  [
    [RELATION_LOCATED_IN, RELATION_LOCATION_OF],
    [RELATION_RUNS_ON, RELATION_HOSTS],
    [RELATION_ATTACHED_TO, RELATION_HAS_ATTACHED],
    [RELATION_SNAPSHOT_OF, RELATION_HAS_SNAPSHOT],
    [RELATION_BUILT_FROM, RELATION_BASE_OF],
    [RELATION_OF_FLAVOR, RELATION_FLAVOR_OF],
    [RELATION_IN_NETWORK, RELATION_NETWORK_OF],
    [RELATION_SERVES, RELATION_SERVED_BY],
    [RELATION_ENTRY_POINT_OF, RELATION_HAS_ENTRY_POINT],
    [RELATION_ROUTES_TO, RELATION_ROUTED_FROM],
  ];
