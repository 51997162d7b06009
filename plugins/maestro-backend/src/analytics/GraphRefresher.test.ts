import { mockServices } from '@backstage/backend-test-utils';
import { SignalsService } from '@backstage/plugin-signals-node';
import {
  createTestDatabases,
  createTestStore,
  user,
} from '../__testUtils__/testStore';
import { readDemoFiles } from '../__testUtils__/demoData';
import { ImportService } from '../import/ImportService';
import { createAnalytics } from './createAnalytics';
import { ANALYTICS_CHANNEL } from './GraphRefresher';

jest.setTimeout(120_000);
const databases = createTestDatabases();

/** Keeps what would reach open pages. */
class RecordingSignals implements SignalsService {
  readonly messages: any[] = [];
  async publish(signal: any) {
    this.messages.push({ channel: signal.channel, ...signal.message });
  }
}

describe.each(databases.eachSupportedId())(
  'GraphRefresher on %p',
  databaseId => {
    it('recomputes only the graphs whose records changed, telling open pages', async () => {
      const { store, writePath, knex } = await createTestStore(
        databases,
        databaseId,
      );
      await new ImportService(
        writePath,
        mockServices.logger.mock(),
      ).importMaestro06(readDemoFiles(), user, 'test');
      const signals = new RecordingSignals();
      const analytics = createAnalytics({
        config: mockServices.rootConfig({ data: {} }),
        knex,
        store,
        writePath,
        signals,
      });
      const front = await analytics.graphs.create(
        {
          name: 'front',
          source: {
            type: 'application',
            ref: 'resource:default/lb-client-maestro-prd',
          },
        },
        user,
      );
      const lonely = await analytics.graphs.create(
        {
          name: 'lonely',
          source: {
            type: 'application',
            ref: 'component:default/analytics-front',
          },
        },
        user,
      );
      expect(await analytics.refresher.refreshStale()).toEqual([]);

      // A new dependency of an application both graphs reach.
      await analytics.maker.commit(
        [
          {
            source: 'component:default/analytics-front',
            target: 'resource:default/db-mongodb',
            protocol: 'tcp/ip',
          },
        ],
        user,
      );
      const refreshed = await analytics.refresher.refreshStale();
      expect(refreshed.sort()).toEqual([front.id, lonely.id].sort());
      expect(
        (await analytics.graphs.get(lonely.id)).result!.metrics.connections,
      ).toBe(lonely.result!.metrics.connections + 1);
      expect(signals.messages.filter(m => m.graphId === lonely.id)).toEqual([
        expect.objectContaining({
          channel: ANALYTICS_CHANNEL,
          state: 'computing',
        }),
        expect.objectContaining({ channel: ANALYTICS_CHANNEL, state: 'done' }),
      ]);
      expect(await analytics.refresher.refreshStale()).toEqual([]);
    });
  },
);
