import { MAESTRO_RELATION_PAIRS } from '@maestro/plugin-maestro-common';

/**
 * Maestro's relations in the shape the catalog graph takes them
 * (`DefaultCatalogGraphApi` options, or the graph card's `relations` and
 * `relationPairs` config): every name, and the pairs with the forward
 * relation first so that the graph draws one edge per pair.
 *
 * @public
 */
export const maestroGraphRelations: {
  relations: string[];
  relationPairs: [string, string][];
} = {
  relations: MAESTRO_RELATION_PAIRS.flat(),
  relationPairs: MAESTRO_RELATION_PAIRS.map(([a, b]) => [a, b]),
};
