import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { EntityProviderConnection } from '@backstage/plugin-catalog-node';
import { Knex } from 'knex';
import { catalogDatabase, processed } from '../__testUtils__/catalogRelations';
import { SharedTargetRefresher } from './SharedTargetRefresher';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

const OPS = 'group:default/ops';
const DC_1 = 'datacenter:default/dc-1';
const DC_2 = 'datacenter:default/dc-2';

function server(name: string, datacenter: string): Entity {
  return {
    apiVersion: 'maestroserver.io/v1alpha1',
    kind: 'Server',
    metadata: { name },
    spec: { owner: OPS, datacenter: { ref: datacenter } },
  };
}

/**
 * A refresher on the given catalog database, with a connection that records
 * what the catalog was asked to refresh.
 */
function recordingRefresher(knex: Knex, delayMs: number) {
  const refreshed: string[][] = [];
  const connection: EntityProviderConnection = {
    applyMutation: async () => {},
    refresh: async ({ keys }) => {
      refreshed.push([...keys].sort());
    },
  };
  const refresher = new SharedTargetRefresher({
    connection,
    knex,
    logger: mockServices.logger.mock(),
    delayMs,
  });
  return { refresher, refreshed };
}

const key = (ref: string) => `maestro-shared-target:${ref}`;

describe.each(databases.eachSupportedId())(
  'SharedTargetRefresher on %s',
  databaseId => {
    let knex: Knex;
    beforeEach(async () => {
      knex = await catalogDatabase(databases, databaseId);
      // web-1 is in dc-1 and owned by ops, and both have gathered it.
      await processed(knex, 'server:default/web-1', [
        ['server:default/web-1', 'locatedIn', DC_1],
        ['server:default/web-1', 'ownedBy', OPS],
      ]);
      await processed(knex, DC_1, [
        [DC_1, 'locationOf', 'server:default/web-1'],
      ]);
      await processed(knex, OPS, [[OPS, 'ownerOf', 'server:default/web-1']]);
      await processed(knex, DC_2, []);
    });

    it('asks for the shared entities of new members once, after the delay', async () => {
      const { refresher, refreshed } = recordingRefresher(knex, 50);

      await refresher.published([server('web-2', DC_1)], []);
      await refresher.published([server('web-3', DC_2)], []);
      expect(refreshed).toEqual([]);

      await new Promise(resolve => setTimeout(resolve, 150));
      expect(refreshed).toEqual([[key(DC_1), key(DC_2), key(OPS)]]);

      // Nothing new: nothing more asked.
      await refresher.flush();
      expect(refreshed).toHaveLength(1);
    });

    it('asks for nothing when a member is updated in place', async () => {
      const { refresher, refreshed } = recordingRefresher(knex, 60_000);
      const updated = server('web-1', DC_1);
      updated.spec!.hostname = 'web-1.example.com';
      await refresher.published([updated], []);
      await refresher.flush();
      expect(refreshed).toEqual([]);
    });

    it('asks for the old and the new shared entity of a member that moved, and for those of a removed one', async () => {
      const { refresher, refreshed } = recordingRefresher(knex, 60_000);
      await refresher.published([server('web-1', DC_2)], []);
      await refresher.flush();
      expect(refreshed).toEqual([[key(DC_1), key(DC_2)]]);

      await refresher.published([], ['server:default/web-1']);
      await refresher.flush();
      expect(refreshed[1]).toEqual([key(DC_1), key(OPS)]);
    });

    it('survives a failed refresh, logging it', async () => {
      const logger = mockServices.logger.mock();
      const refresher = new SharedTargetRefresher({
        connection: {
          applyMutation: async () => {},
          refresh: async () => {
            throw new Error('catalog is down');
          },
        },
        knex,
        logger,
        delayMs: 60_000,
      });
      await refresher.published([server('web-9', DC_1)], []);
      await expect(refresher.flush()).resolves.toBeUndefined();
      expect(logger.warn).toHaveBeenCalledWith(
        expect.stringContaining('catalog is down'),
      );
    });
  },
);
