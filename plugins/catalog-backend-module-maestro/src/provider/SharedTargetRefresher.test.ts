import { mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { EntityProviderConnection } from '@backstage/plugin-catalog-node';
import { SharedTargetRefresher } from './SharedTargetRefresher';

function server(name: string, datacenter: string): Entity {
  return {
    apiVersion: 'maestroserver.io/v1alpha1',
    kind: 'Server',
    metadata: { name },
    spec: { owner: 'group:default/ops', datacenter: { ref: datacenter } },
  };
}

/** A connection that records what the catalog was asked to refresh. */
function recordingConnection() {
  const refreshed: string[][] = [];
  const connection: EntityProviderConnection = {
    applyMutation: async () => {},
    refresh: async ({ keys }) => {
      refreshed.push([...keys].sort());
    },
  };
  return { connection, refreshed };
}

describe('SharedTargetRefresher', () => {
  it('refreshes the shared targets of several pages once, after the delay', async () => {
    const { connection, refreshed } = recordingConnection();
    const refresher = new SharedTargetRefresher({
      connection,
      logger: mockServices.logger.mock(),
      delayMs: 50,
    });

    refresher.published([server('web-1', 'datacenter:default/dc-1')]);
    refresher.published([server('web-2', 'datacenter:default/dc-2')]);
    expect(refreshed).toEqual([]);

    await new Promise(resolve => setTimeout(resolve, 120));
    expect(refreshed).toEqual([
      [
        'maestro-shared-target:datacenter:default/dc-1',
        'maestro-shared-target:datacenter:default/dc-2',
        'maestro-shared-target:group:default/ops',
      ],
    ]);

    // Nothing new published: nothing more asked.
    await refresher.flush();
    expect(refreshed).toHaveLength(1);
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
      logger,
      delayMs: 60_000,
    });
    refresher.published([server('web-1', 'datacenter:default/dc-1')]);
    await expect(refresher.flush()).resolves.toBeUndefined();
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining('catalog is down'),
    );
  });
});
