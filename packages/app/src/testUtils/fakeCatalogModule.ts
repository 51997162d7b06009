import {
  ApiBlueprint,
  createFrontendModule,
} from '@backstage/frontend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';

/**
 * An in-memory catalog for app tests, installed as the catalog's own
 * `api:catalog` extension. Passing `catalogApiMock()` through `apis` would
 * do the same, but the app's nested copy of frontend-test-utils gives its
 * mock type a different identity than plugin-catalog-react's.
 */
export function fakeCatalogModule(entities: Entity[]) {
  return createFrontendModule({
    pluginId: 'catalog',
    extensions: [
      ApiBlueprint.make({
        params: defineParams =>
          defineParams(catalogApiMock.factory({ entities })),
      }),
    ],
  });
}
