import { TestDatabases } from '@backstage/backend-test-utils';
import { Entity, parseEntityRef } from '@backstage/catalog-model';
import { catalogDatabase, processed } from '../__testUtils__/catalogRelations';
import { gatheredRelationsOf } from './maestroRelationFields';
import { CatalogProcessorResult } from '@backstage/plugin-catalog-node';
import { MaestroEntityProcessor } from './MaestroEntityProcessor';
import {
  SharedTargetRelations,
  sharedTargetRefreshKey,
  sharedTargetsOf,
} from './SharedTargetRelations';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

const DC = 'datacenter:default/eu-west-1';
const OPS = 'group:default/ops';

describe.each(databases.eachSupportedId())(
  'SharedTargetRelations on %s',
  databaseId => {
    it("gathers a shared entity's members from their outgoing relations", async () => {
      const knex = await catalogDatabase(databases, databaseId);
      await processed(knex, 'server:default/web-1', [
        ['server:default/web-1', 'locatedIn', DC],
        ['server:default/web-1', 'ownedBy', OPS],
        ['server:default/web-1', 'builtFrom', 'image:default/ami-1'],
      ]);
      await processed(knex, 'volume:default/vol-1', [
        ['volume:default/vol-1', 'locatedIn', DC],
        ['volume:default/vol-1', 'attachedTo', 'server:default/web-1'],
        // Emitted twice (two fields naming it): gathered once.
        ['volume:default/vol-1', 'ownedBy', OPS],
      ]);
      await processed(knex, 'volume:default/vol-2', [
        ['volume:default/vol-2', 'ownedBy', OPS],
      ]);
      // Backstage pairs its own kinds' ownership itself.
      await processed(knex, 'component:default/shop', [
        ['component:default/shop', 'ownedBy', OPS],
        [OPS, 'ownerOf', 'component:default/shop'],
        ['component:default/shop', 'locatedIn', DC],
      ]);

      const shared = new SharedTargetRelations(knex);
      const incoming = async (ref: string) =>
        (await shared.incoming(parseEntityRef(ref)))
          .map(r => `${r.type} ${r.memberRef}`)
          .sort();

      expect(await incoming(DC)).toEqual([
        'locationOf component:default/shop',
        'locationOf server:default/web-1',
        'locationOf volume:default/vol-1',
      ]);
      expect(await incoming(OPS)).toEqual([
        'ownerOf server:default/web-1',
        'ownerOf volume:default/vol-1',
        'ownerOf volume:default/vol-2',
      ]);
      expect(await incoming('image:default/ami-1')).toEqual([
        'baseOf server:default/web-1',
      ]);
      // A server is no shared target: attachedTo keeps its own pair.
      expect(gatheredRelationsOf('Server')).toEqual([]);
      expect(await incoming('server:default/web-1')).toEqual([]);
    });

    it('lets the processor emit the gathered relations and a refresh key', async () => {
      const knex = await catalogDatabase(databases, databaseId);
      await processed(knex, 'server:default/web-1', [
        ['server:default/web-1', 'ownedBy', OPS],
      ]);
      const processor = new MaestroEntityProcessor(
        new SharedTargetRelations(knex),
      );
      const group: Entity = {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Group',
        metadata: { name: 'ops' },
        spec: { type: 'team', children: [] },
      };
      const results: CatalogProcessorResult[] = [];
      await processor.postProcessEntity(
        group,
        { type: 'url', target: 'https://example.com/org.yaml' },
        r => results.push(r),
      );
      expect(results).toEqual([
        { type: 'refresh', key: sharedTargetRefreshKey(OPS) },
        {
          type: 'relation',
          relation: {
            source: { kind: 'Group', namespace: 'default', name: 'ops' },
            type: 'ownerOf',
            target: { kind: 'server', namespace: 'default', name: 'web-1' },
          },
        },
      ]);
    });
  },
);

describe('sharedTargetsOf', () => {
  it('names the shared entities an entity points at, with defaults applied', () => {
    const server: Entity = {
      apiVersion: 'maestroserver.io/v1alpha1',
      kind: 'Server',
      metadata: { name: 'web-1', namespace: 'shop' },
      spec: {
        owner: 'ops',
        datacenter: { ref: DC },
        image: 'ami-1',
        flavor: 'flavor:default/t3-large',
        networks: ['subnet-1', 'network:'],
      },
    };
    expect(
      sharedTargetsOf(server)
        .map(t => `${t.incoming} ${t.targetRef}`)
        .sort(),
    ).toEqual([
      'baseOf image:shop/ami-1',
      `flavorOf flavor:default/t3-large`,
      `locationOf ${DC}`,
      'networkOf network:shop/subnet-1',
      'ownerOf group:shop/ops',
    ]);
    const volume: Entity = {
      apiVersion: 'maestroserver.io/v1alpha1',
      kind: 'Volume',
      metadata: { name: 'vol-1' },
      spec: { server: 'web-1' },
    };
    expect(sharedTargetsOf(volume)).toEqual([]);
  });
});
