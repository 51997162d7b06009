import { Entity } from '@backstage/catalog-model';
import { MaestroRecord } from '@maestro/plugin-maestro-common';
import { INVENTORY_SECTIONS } from './sections';

const entity: Entity = {
  apiVersion: 'maestroserver.io/v1alpha1',
  kind: 'Server',
  metadata: { name: 'web-1' },
  spec: { hostname: 'web-1', environment: 'Staging' },
};
const record = { entity, updatedAt: '2026-11-26T00:00:00Z' } as MaestroRecord;

describe('inventory sections', () => {
  it('shows the environment in every table that has the column', () => {
    const shown = INVENTORY_SECTIONS.flatMap(section =>
      section.columns
        .filter(c => c.path === 'spec.environment')
        .map(c => [section.title, c.render?.(entity, record)]),
    );
    expect(shown.length).toBeGreaterThan(3);
    expect(shown.filter(([, value]) => value !== 'Staging')).toEqual([]);
  });
});
