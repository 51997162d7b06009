import { Entity } from '@backstage/catalog-model';
import { ExtensionBlueprint } from '@backstage/frontend-plugin-api';
import { EntityCardBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { MAESTRO_API_VERSION } from '@maestro/plugin-maestro-common';

/**
 * The entity predicate type (`FilterPredicate` of @backstage/filter-predicates),
 * read off the card blueprint so as not to depend on that package directly.
 */
export type EntityPredicate = Exclude<
  NonNullable<
    typeof EntityCardBlueprint extends ExtensionBlueprint<infer T>
      ? T['params'] extends { filter?: infer F }
        ? F
        : never
      : never
  >,
  string | ((entity: Entity) => boolean)
>;

/** Location prefix the Maestro entity provider gives the entities it publishes. */
export const MAESTRO_LOCATION_PREFIX = 'maestro:';

/**
 * Entity predicate of the entities Maestro manages: its own kinds, and the
 * Backstage kinds it extends when they came from the Maestro store (entities
 * of those kinds from repositories' catalog-info.yaml files are not in the
 * store, so there is no history to show for them).
 *
 * A predicate rather than a function so that the app can read it in the
 * extension tree and replace it with `config.filter` in app-config.
 */
export const maestroEntityFilter: EntityPredicate = {
  $any: [
    { apiVersion: MAESTRO_API_VERSION },
    {
      kind: { $in: ['Component', 'Resource', 'System', 'Group'] },
      'metadata.annotations.backstage.io/managed-by-location': {
        $hasPrefix: MAESTRO_LOCATION_PREFIX,
      },
    },
  ],
};
