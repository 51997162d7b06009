import {
  ApiBlueprint,
  createFrontendModule,
} from '@backstage/frontend-plugin-api';
import {
  ALL_RELATIONS,
  ALL_RELATION_PAIRS,
  DefaultCatalogGraphApi,
  catalogGraphApiRef,
} from '@backstage/plugin-catalog-graph';
import { maestroGraphRelations } from '@maestro/plugin-maestro';

/**
 * The catalog graph knows only Backstage's relations; without Maestro's
 * (`locatedIn`, `runsOn`, `attachedTo`...) a server's graph would show its
 * owner and nothing of where it runs. Replacing `api:catalog-graph` in code
 * rather than listing them in each graph card's config keeps the list in
 * one place, maestro-common's relations.ts.
 */
const catalogGraphApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: catalogGraphApiRef,
      deps: {},
      factory: () =>
        new DefaultCatalogGraphApi({
          knownRelations: [
            ...ALL_RELATIONS,
            ...maestroGraphRelations.relations,
          ],
          knownRelationPairs: [
            ...ALL_RELATION_PAIRS,
            ...maestroGraphRelations.relationPairs,
          ],
          defaultRelationTypes: { exclude: [] },
        }),
    }),
});

export const catalogGraphModule = createFrontendModule({
  pluginId: 'catalog-graph',
  extensions: [catalogGraphApi],
});
