import { Knex } from 'knex';
import {
  createTestDatabases,
  createTestStore,
  server,
  user,
} from '../__testUtils__/testStore';
import { WritePath } from '../writePath/WritePath';
import { CatalogEntityStore } from './CatalogEntityStore';
import { CatalogEntityKinds } from './CatalogEntityKinds';

const databases = createTestDatabases();

/** A Server as a catalog-info.yaml declares it, as the catalog serves it. */
const yamlServer = (name: string, etag: string, spec: object = {}) => ({
  apiVersion: 'maestroserver.io/v1alpha1',
  kind: 'Server',
  metadata: {
    name,
    namespace: 'default',
    etag,
    annotations: {
      'backstage.io/managed-by-location':
        'url:https://git.example/infra/catalog-info.yaml',
    },
  },
  spec: { hostname: name, ...spec },
  relations: [{ type: 'locatedIn', targetRef: 'datacenter:default/dc1' }],
});

describe.each(databases.eachSupportedId())(
  'Catalog entity copy on %p',
  databaseId => {
    let knex: Knex;
    let writePath: WritePath;
    let copy: CatalogEntityStore;
    const rowOf = (ref: string) =>
      knex('maestro_catalog_entities').where('entity_ref', ref).first();

    beforeAll(async () => {
      ({ knex, writePath } = await createTestStore(databases, databaseId));
      copy = new CatalogEntityStore(knex);
    });

    afterEach(async () => {
      await knex('maestro_catalog_entities').delete();
    });

    it('stores what is new or changed by etag, and leaves the rest alone', async () => {
      expect(
        await copy.write([yamlServer('y1', 'e1'), yamlServer('y2', 'e1')]),
      ).toEqual({ stored: 2, unchanged: 0, skipped: [] });
      const first = await rowOf('server:default/y1');
      expect(
        await copy.write([
          yamlServer('y1', 'e1'),
          yamlServer('y2', 'e2', { environment: 'Production' }),
        ]),
      ).toEqual({ stored: 1, unchanged: 1, skipped: [] });
      expect(await rowOf('server:default/y1')).toEqual(first);
      const changed = await rowOf('server:default/y2');
      expect(changed).toMatchObject({
        kind: 'Server',
        hostname: 'y2',
        environment: 'Production',
        etag: 'e2',
        location: 'url:https://git.example/infra/catalog-info.yaml',
      });
      // The declared entity, without the catalog's relations of the moment.
      expect(JSON.parse(changed.entity)).not.toHaveProperty('relations');
      expect(JSON.parse(changed.entity).spec.environment).toBe('Production');
      expect(await copy.list()).toEqual([
        { entityRef: 'server:default/y1', etag: 'e1' },
        { entityRef: 'server:default/y2', etag: 'e2' },
      ]);
    });

    it("refuses Maestro's own published records and kinds Maestro does not report on", async () => {
      const published = yamlServer('p1', 'e1');
      published.metadata.annotations['backstage.io/managed-by-location'] =
        'maestro:server:default/p1';
      const api = {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'API',
        metadata: { name: 'orders', etag: 'e' },
        spec: {},
      };
      const result = await copy.write([published, api, { kind: 'Server' }]);
      expect(result).toEqual({
        stored: 0,
        unchanged: 0,
        skipped: [
          {
            entityRef: 'server:default/p1',
            reason: 'is the catalog copy of a Maestro record',
          },
          {
            entityRef: 'api:default/orders',
            reason: "kind 'API' is not one Maestro reports on",
          },
          {
            entityRef: '[2]',
            reason: 'is not an entity (kind and metadata.name needed)',
          },
        ],
      });
      expect(await copy.list()).toEqual([]);
    });

    it('keeps no copy of a ref Maestro holds a record of: the record is the truth', async () => {
      await copy.write([
        yamlServer('both', 'e1'),
        yamlServer('only-yaml', 'e1'),
      ]);
      await writePath.write(server('both'), {
        mode: 'create',
        source: { type: 'ui' },
        actor: user,
      });
      // The copy taken over by the record is no longer listed as copied...
      expect((await copy.list()).map(r => r.entityRef)).toEqual([
        'server:default/only-yaml',
      ]);
      // ...so the sync sends it again, and it is dropped.
      expect(await copy.write([yamlServer('both', 'e1')])).toEqual({
        stored: 0,
        unchanged: 0,
        skipped: [
          {
            entityRef: 'server:default/both',
            reason: 'Maestro holds a record of it',
          },
        ],
      });
      expect(await rowOf('server:default/both')).toBeUndefined();
      await writePath.delete('server:default/both', { type: 'ui' }, user);
    });

    it('reads the owner as the catalog does and the family from the Backstage type', async () => {
      await copy.write([
        {
          apiVersion: 'backstage.io/v1alpha1',
          kind: 'Resource',
          metadata: { name: 'orders-db', namespace: 'shop', etag: 'e' },
          spec: { type: 'database', owner: 'dba' },
        },
        {
          apiVersion: 'backstage.io/v1alpha1',
          kind: 'Component',
          metadata: { name: 'web', etag: 'e' },
          spec: { type: 'website', owner: 'team-a', lifecycle: 'production' },
          relations: [{ type: 'ownedBy', targetRef: 'group:default/team-a' }],
        },
        yamlServer('unowned', 'e'),
      ]);
      expect(await rowOf('resource:shop/orders-db')).toMatchObject({
        owner: 'group:shop/dba',
        family: 'Database',
      });
      expect(await rowOf('component:default/web')).toMatchObject({
        owner: 'group:default/team-a',
        family: null,
      });
      expect(await rowOf('server:default/unowned')).toMatchObject({
        owner: null,
        active: expect.anything(),
      });
    });

    it('removes copies, and tells report queries which kinds it holds', async () => {
      const kinds = CatalogEntityKinds.of(knex);
      await copy.write([yamlServer('r1', 'e'), yamlServer('r2', 'e')]);
      expect([...(await kinds.refresh())]).toEqual(['Server']);
      expect(
        await copy.remove(['server:default/r1', 'server:default/nope']),
      ).toBe(1);
      expect((await copy.list()).map(r => r.entityRef)).toEqual([
        'server:default/r2',
      ]);
      await copy.remove(['server:default/r2']);
      expect([...(await kinds.refresh())]).toEqual([]);
    });
  },
);
