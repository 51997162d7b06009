import {
  TestDatabaseId,
  TestDatabases,
  mockCredentials,
  mockServices,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { ConfigReader } from '@backstage/config';
import {
  EntityProviderConnection,
  EntityProviderMutation,
} from '@backstage/plugin-catalog-node';
import { DefaultEventsService } from '@backstage/plugin-events-node';
import { Knex } from 'knex';
import { FakeMaestroBackend } from '../__testUtils__/FakeMaestroBackend';
import { MaestroEntityProvider } from './MaestroEntityProvider';
import { CURSOR_TABLE } from './MaestroCursorStore';

jest.setTimeout(60_000);

/** Records the mutations the provider hands to the catalog. */
class RecordingConnection implements EntityProviderConnection {
  readonly mutations: EntityProviderMutation[] = [];
  failures = 0;

  async applyMutation(mutation: EntityProviderMutation): Promise<void> {
    if (this.failures > 0) {
      this.failures -= 1;
      throw new Error('catalog database is unavailable');
    }
    this.mutations.push(mutation);
  }

  async refresh(): Promise<void> {}

  /** Refs of the added and removed entities, over all mutations. */
  get added(): string[] {
    return this.mutations.flatMap(m =>
      m.type === 'delta'
        ? m.added.map(d => `${d.entity.kind}:${d.entity.metadata.name}`)
        : [],
    );
  }

  get removed(): string[] {
    return this.mutations.flatMap(m =>
      m.type === 'delta'
        ? m.removed.map(r => ('entityRef' in r ? r.entityRef : ''))
        : [],
    );
  }
}

function server(name: string): Entity {
  return {
    apiVersion: 'maestroserver.io/v1alpha1',
    kind: 'Server',
    metadata: { name, title: name },
    spec: { hostname: name, owner: 'group:default/ops' },
  };
}

function datacenter(name: string): Entity {
  return {
    apiVersion: 'maestroserver.io/v1alpha1',
    kind: 'Datacenter',
    metadata: { name },
    spec: { provider: 'AWS' },
  };
}

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

describe.each(databases.eachSupportedId())(
  'MaestroEntityProvider on %s',
  (databaseId: TestDatabaseId) => {
    let knex: Knex;
    let backend: FakeMaestroBackend;

    beforeEach(async () => {
      knex = await databases.init(databaseId);
      backend = await FakeMaestroBackend.start();
    });

    afterEach(async () => {
      await backend.stop();
    });

    function createProvider(
      options: {
        config?: object;
        pageSize?: number;
        discovery?: ReturnType<FakeMaestroBackend['discovery']>;
      } = {},
    ) {
      const logger = mockServices.logger.mock();
      const scheduler = mockServices.scheduler.mock();
      const events = DefaultEventsService.create({ logger }).forPlugin(
        'catalog',
      );
      const auth = mockServices.auth({ pluginId: 'catalog' });
      const provider = MaestroEntityProvider.fromConfig(
        new ConfigReader(options.config ?? {}),
        {
          logger,
          scheduler,
          events,
          auth,
          discovery: options.discovery ?? backend.discovery(),
          database: mockServices.database({ knex }),
          pageSize: options.pageSize,
        },
      );
      return { provider, logger, scheduler, events, auth };
    }

    async function connected(options?: Parameters<typeof createProvider>[0]) {
      const created = createProvider(options);
      const connection = new RecordingConnection();
      await created.provider.connect(connection);
      // Joins the pull that connect started, so the test sees its outcome.
      await created.provider.refresh();
      return { ...created, connection };
    }

    async function storedCursor(): Promise<number | undefined> {
      const row = await knex(CURSOR_TABLE).where({ id: 'maestro' }).first();
      return row ? Number(row.cursor) : undefined;
    }

    it('publishes the changed entities as one delta mutation, pointing at their Maestro record', async () => {
      backend.write(server('web-1'));
      backend.write(server('web-2'));
      backend.write(datacenter('aws-prod'));
      const { provider, connection, auth } = await connected();

      expect(provider.getProviderName()).toBe('maestro');
      expect(connection.mutations).toHaveLength(1);
      const [mutation] = connection.mutations;
      expect(mutation.type).toBe('delta');
      if (mutation.type !== 'delta') throw new Error('not a delta');
      expect(mutation.removed).toEqual([]);
      expect(mutation.added).toHaveLength(3);
      expect(mutation.added[0]).toEqual({
        locationKey: 'maestro',
        entity: {
          ...server('web-1'),
          metadata: {
            name: 'web-1',
            title: 'web-1',
            annotations: {
              'backstage.io/managed-by-location':
                'maestro:server:default/web-1',
              'backstage.io/managed-by-origin-location':
                'maestro:server:default/web-1',
              'maestroserver.io/access-controlled': 'true',
            },
          },
          spec: { ...server('web-1').spec, access: [] },
        },
      });
      expect(await storedCursor()).toBe(3);

      // Authenticated as the catalog, for the maestro plugin.
      const expectedToken = mockCredentials.service.token({
        onBehalfOf: await auth.getOwnServiceCredentials(),
        targetPluginId: 'maestro',
      });
      expect(backend.requests.length).toBeGreaterThan(0);
      expect(backend.requests.every(r => r.token === expectedToken)).toBe(true);
    });

    it('sends nothing when nothing changed', async () => {
      backend.write(server('web-1'));
      const { provider, connection } = await connected();
      await provider.refresh();
      await provider.refresh();
      expect(connection.mutations).toHaveLength(1);
      const [firstRequest, ...later] = backend.requests;
      expect(firstRequest.after).toBe(0);
      expect(later.length).toBeGreaterThanOrEqual(2);
      expect(later.every(r => r.after === 1)).toBe(true);
    });

    it('turns deletions into removals', async () => {
      backend.write(server('web-1'));
      backend.write(server('web-2'));
      const { provider, connection } = await connected();

      backend.delete('server:default/web-1');
      // Written and deleted between two pulls: only the removal remains.
      backend.write(server('web-3'));
      backend.delete('server:default/web-3');
      await provider.refresh();

      expect(connection.mutations).toHaveLength(2);
      expect(connection.mutations[1]).toEqual({
        type: 'delta',
        added: [],
        removed: [
          { entityRef: 'server:default/web-1', locationKey: 'maestro' },
          { entityRef: 'server:default/web-3', locationKey: 'maestro' },
        ],
      });
      expect(await storedCursor()).toBe(5);
    });

    it('does not publish kinds left out by maestro.catalog.kinds, and removes them', async () => {
      backend.write(server('web-1'));
      backend.write(datacenter('aws-prod'));
      const { connection } = await connected({
        config: { maestro: { catalog: { kinds: ['Server'] } } },
      });
      expect(connection.added).toEqual(['Server:web-1']);
      expect(connection.removed).toEqual(['datacenter:default/aws-prod']);
    });

    it('keeps the cursor in the database, so a new instance resumes after it', async () => {
      backend.write(server('web-1'));
      backend.write(server('web-2'));
      const first = await connected();
      expect(first.connection.added).toEqual(['Server:web-1', 'Server:web-2']);
      expect(await knex.schema.hasTable(CURSOR_TABLE)).toBe(true);

      backend.write(server('web-3'));
      backend.requests.length = 0;
      const second = await connected();
      expect(second.connection.added).toEqual(['Server:web-3']);
      expect(backend.requests[0].after).toBe(2);
      expect(await storedCursor()).toBe(3);
    });

    it('does not advance the cursor when the mutation fails, and re-sends next time', async () => {
      backend.write(server('web-1'));
      const { provider, logger } = createProvider();
      const connection = new RecordingConnection();
      connection.failures = 1;
      await provider.connect(connection);
      await provider.refresh();

      expect(connection.mutations).toHaveLength(1);
      expect(logger.warn).toHaveBeenCalledWith(
        expect.stringContaining('catalog database is unavailable'),
      );
      // The first attempt failed; the pull joined by refresh() sent it again.
      expect(connection.added).toEqual(['Server:web-1']);
      expect(await storedCursor()).toBe(1);
    });

    it('keeps the cursor where it was while the catalog refuses the mutation', async () => {
      backend.write(server('web-1'));
      backend.write(server('web-2'));
      const { provider } = createProvider({ pageSize: 1 });
      const connection = new RecordingConnection();
      connection.failures = 100;
      await provider.connect(connection);
      await expect(provider.refresh()).resolves.toBeUndefined();
      expect(connection.mutations).toEqual([]);
      expect(await storedCursor()).toBeUndefined();

      connection.failures = 0;
      await provider.refresh();
      expect(connection.added).toEqual(['Server:web-1', 'Server:web-2']);
      expect(await storedCursor()).toBe(2);
    });

    it('reads the feed page by page', async () => {
      for (let i = 1; i <= 5; i++) backend.write(server(`web-${i}`));
      const { connection } = await connected({ pageSize: 2 });
      expect(connection.mutations).toHaveLength(3);
      expect(connection.added).toHaveLength(5);
      expect(backend.requests.slice(0, 3)).toEqual([
        expect.objectContaining({ after: 0, limit: 2 }),
        expect.objectContaining({ after: 2, limit: 2 }),
        expect.objectContaining({ after: 4, limit: 2 }),
      ]);
    });

    it('does not throw when the feed is unreachable, and logs at debug level only', async () => {
      backend.write(server('web-1'));
      const closed = await FakeMaestroBackend.start();
      const unreachable = closed.discovery();
      await closed.stop();
      const { provider, logger } = createProvider({ discovery: unreachable });
      const connection = new RecordingConnection();
      await provider.connect(connection);
      await expect(provider.refresh()).resolves.toBeUndefined();
      expect(connection.mutations).toEqual([]);
      expect(logger.debug).toHaveBeenCalledWith(
        expect.stringContaining('not reachable'),
      );
      expect(logger.warn).not.toHaveBeenCalled();
      expect(await storedCursor()).toBeUndefined();
    });

    it('does not throw when the feed answers an error', async () => {
      backend.write(server('web-1'));
      backend.failWithStatus = 503;
      const { provider, logger, connection } = await connected();
      expect(logger.debug).toHaveBeenCalledWith(expect.stringContaining('503'));

      backend.failWithStatus = 500;
      await expect(provider.refresh()).resolves.toBeUndefined();
      expect(logger.warn).toHaveBeenCalledWith(expect.stringContaining('500'));
      expect(connection.mutations).toEqual([]);

      backend.failWithStatus = undefined;
      await provider.refresh();
      expect(connection.added).toEqual(['Server:web-1']);
    });

    it('skips a malformed entity without blocking the changes behind it', async () => {
      backend.record('server:default/broken', {
        apiVersion: 'maestroserver.io/v1alpha1',
        kind: 'Server',
        metadata: {},
      } as unknown as Entity);
      backend.write(server('web-1'));
      const { connection, logger } = await connected();
      expect(connection.added).toEqual(['Server:web-1']);
      expect(logger.warn).toHaveBeenCalledWith(
        expect.stringContaining('server:default/broken not published'),
      );
      expect(await storedCursor()).toBe(2);
    });

    it('pulls when the store announces a change, and schedules a safety-net task', async () => {
      const { provider, events, scheduler, connection } = await connected();
      expect(scheduler.scheduleTask).toHaveBeenCalledWith(
        expect.objectContaining({
          id: 'maestro-entity-provider:refresh',
          frequency: { seconds: 30 },
          timeout: { minutes: 10 },
          fn: expect.any(Function),
        }),
      );
      expect(connection.mutations).toEqual([]);

      backend.write(server('web-1'));
      await events.publish({
        topic: 'maestro.changes',
        eventPayload: { seq: 1 },
      });
      await provider.refresh();
      expect(connection.added).toEqual(['Server:web-1']);

      backend.write(server('web-2'));
      const [{ fn }] = scheduler.scheduleTask.mock.calls[0];
      await fn(new AbortController().signal);
      expect(connection.added).toEqual(['Server:web-1', 'Server:web-2']);
    });
  },
);
