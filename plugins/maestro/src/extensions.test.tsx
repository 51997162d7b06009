import { createExtensionTester } from '@backstage/frontend-test-utils';
import { EntityCardBlueprint } from '@backstage/plugin-catalog-react/alpha';
import {
  demoApplication,
  demoDatacenter,
  demoServer,
  repositoryComponent,
} from './__fixtures__/entities';
import { maestroDetailsCard, maestroHistoryCard } from './extensions';
import maestroPlugin from './alpha';

describe('Maestro entity cards', () => {
  const filters = {
    details: createExtensionTester(maestroDetailsCard).get(
      EntityCardBlueprint.dataRefs.filterFunction,
    ),
    history: createExtensionTester(maestroHistoryCard).get(
      EntityCardBlueprint.dataRefs.filterFunction,
    ),
  };

  it.each(Object.entries(filters))(
    'the %s card shows only on entities Maestro manages',
    (_name, filter) => {
      expect(filter).toBeDefined();
      expect(filter!(demoServer)).toBe(true);
      expect(filter!(demoDatacenter)).toBe(true);
      expect(filter!(demoApplication)).toBe(true);
      expect(filter!(repositoryComponent)).toBe(false);
      expect(
        filter!({
          ...repositoryComponent,
          metadata: { name: 'no-annotations' },
        }),
      ).toBe(false);
    },
  );

  it('registers the api and both cards under the maestro plugin', () => {
    expect(maestroPlugin.pluginId).toBe('maestro');
    expect(maestroPlugin.getExtension('api:maestro')).toBeDefined();
    expect(
      maestroPlugin.getExtension('entity-card:maestro/details'),
    ).toBeDefined();
    expect(
      maestroPlugin.getExtension('entity-card:maestro/history'),
    ).toBeDefined();
  });
});
