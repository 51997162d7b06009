import { mockServices } from '@backstage/backend-test-utils';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  DECLARED_ENTITIES_QUERY,
  DeclaredEntitySync,
} from './DeclaredEntitySync';
import { MaestroCatalogEntitiesClient } from './MaestroCatalogEntitiesClient';

const declared = (
  name: string,
  etag: string,
  location = 'url:https://git/x',
): Entity => ({
  apiVersion: 'maestroserver.io/v1alpha1',
  kind: 'Server',
  metadata: {
    name,
    namespace: 'default',
    etag,
    annotations: { 'backstage.io/managed-by-location': location },
  },
  spec: { hostname: name },
});

/** The catalog: the entities it serves, in pages, optionally failing on one. */
class FakeCatalog {
  entities: Entity[] = [];
  failOnPage?: number;
  readonly fetched: string[][] = [];
  readonly queries: unknown[] = [];
  /** Replaces an entity after it was listed, before it is fetched. */
  beforeFetch?: () => void;

  service(): CatalogService {
    return {
      streamEntities: (request: any) => this.stream(request),
      getEntitiesByRefs: (request: any) => this.byRefs(request),
    } as unknown as CatalogService;
  }

  private async *stream(request: { pageSize: number }) {
    this.queries.push(request);
    const size = request.pageSize;
    for (let i = 0, page = 1; i < this.entities.length; i += size, page++) {
      if (page === this.failOnPage) throw new Error('catalog went away');
      yield this.entities.slice(i, i + size).map(e => ({
        kind: e.kind,
        metadata: {
          name: e.metadata.name,
          namespace: e.metadata.namespace,
          etag: e.metadata.etag,
        },
      })) as Entity[];
    }
  }

  private async byRefs({ entityRefs }: { entityRefs: string[] }) {
    this.fetched.push(entityRefs);
    this.beforeFetch?.();
    const byRef = new Map(this.entities.map(e => [stringifyEntityRef(e), e]));
    return { items: entityRefs.map(r => byRef.get(r)) };
  }
}

/** Maestro's copy, in memory, as the client sees it. */
class FakeMaestro {
  readonly copy = new Map<string, string>();
  readonly written: string[][] = [];
  readonly removed: string[][] = [];

  client(): MaestroCatalogEntitiesClient {
    return {
      list: async () =>
        [...this.copy].map(([entityRef, etag]) => ({ entityRef, etag })),
      write: async (entities: Entity[]) => {
        this.written.push(entities.map(e => stringifyEntityRef(e)));
        for (const e of entities)
          this.copy.set(stringifyEntityRef(e), String(e.metadata.etag));
        return { stored: entities.length, unchanged: 0, skipped: [] };
      },
      remove: async (refs: string[]) => {
        this.removed.push(refs);
        refs.forEach(r => this.copy.delete(r));
        return refs.length;
      },
    } as unknown as MaestroCatalogEntitiesClient;
  }
}

describe('DeclaredEntitySync', () => {
  let catalog: FakeCatalog;
  let maestro: FakeMaestro;
  let logger: ReturnType<typeof mockServices.logger.mock>;
  let sync: DeclaredEntitySync;

  beforeEach(() => {
    catalog = new FakeCatalog();
    maestro = new FakeMaestro();
    logger = mockServices.logger.mock();
    sync = new DeclaredEntitySync({
      catalog: catalog.service(),
      maestro: maestro.client(),
      auth: mockServices.auth(),
      logger,
      scheduler: mockServices.scheduler.mock(),
      schedule: { frequency: { minutes: 1 }, timeout: { minutes: 1 } },
      pageSize: 2,
    });
  });

  it("lists only the catalog's own entities of Maestro's kinds, without orphans", async () => {
    await sync.run();
    expect(catalog.queries).toEqual([
      {
        query: DECLARED_ENTITIES_QUERY,
        fields: [
          'kind',
          'metadata.namespace',
          'metadata.name',
          'metadata.etag',
        ],
        pageSize: 2,
      },
    ]);
    expect(DECLARED_ENTITIES_QUERY).toEqual({
      $all: [
        {
          kind: {
            $in: expect.arrayContaining([
              'Server',
              'Component',
              'Resource',
              'Group',
            ]),
          },
        },
        {
          $not: {
            'metadata.annotations.backstage.io/managed-by-location': {
              $hasPrefix: 'maestro:',
            },
          },
        },
        { $not: { 'metadata.annotations.backstage.io/orphan': 'true' } },
      ],
    });
  });

  it('sends only entities whose etag Maestro does not have', async () => {
    catalog.entities = ['a', 'b', 'c'].map(n => declared(n, 'e1'));
    expect(await sync.run()).toEqual({ listed: 3, stored: 3, removed: 0 });
    expect(maestro.written).toEqual([
      ['server:default/a', 'server:default/b'],
      ['server:default/c'],
    ]);

    // Nothing changed: nothing fetched, nothing sent.
    expect(await sync.run()).toEqual({ listed: 3, stored: 0, removed: 0 });
    expect(catalog.fetched).toHaveLength(2);

    catalog.entities[1] = declared('b', 'e2');
    expect(await sync.run()).toEqual({ listed: 3, stored: 1, removed: 0 });
    expect(catalog.fetched.at(-1)).toEqual(['server:default/b']);
    expect(maestro.copy.get('server:default/b')).toBe('e2');
  });

  it('removes what the catalog no longer has, once the whole listing came through', async () => {
    catalog.entities = ['a', 'b', 'c'].map(n => declared(n, 'e1'));
    await sync.run();
    catalog.entities = [declared('a', 'e1'), declared('c', 'e1')];
    expect(await sync.run()).toEqual({ listed: 2, stored: 0, removed: 1 });
    expect(maestro.removed).toEqual([['server:default/b']]);
    expect([...maestro.copy.keys()].sort()).toEqual([
      'server:default/a',
      'server:default/c',
    ]);
  });

  it('removes nothing when the listing fails part way, and says so', async () => {
    catalog.entities = ['a', 'b', 'c'].map(n => declared(n, 'e1'));
    await sync.run();
    catalog.entities = [declared('a', 'e1'), declared('b', 'e1')];
    catalog.failOnPage = 2;
    catalog.entities.push(declared('z', 'e1'));
    await expect(sync.run()).rejects.toThrow('catalog went away');
    expect(maestro.removed).toEqual([]);
    expect(maestro.copy.has('server:default/c')).toBe(true);

    await sync.runLogged();
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringMatching(/failed, will retry: .*catalog went away/),
    );
  });

  it('never sends back an entity Maestro published, even one changed after the listing', async () => {
    catalog.entities = [declared('a', 'e1'), declared('b', 'e1')];
    catalog.beforeFetch = () => {
      catalog.entities[1] = declared('b', 'e2', 'maestro:server:default/b');
    };
    expect(await sync.run()).toEqual({ listed: 2, stored: 1, removed: 0 });
    expect(maestro.written).toEqual([['server:default/a']]);
  });
});
