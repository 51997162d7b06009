import { mockServices } from '@backstage/backend-test-utils';
import {
  createTestDatabases,
  createTestStore,
  user,
} from '../__testUtils__/testStore';
import { readDemoFiles } from '../__testUtils__/demoData';
import { ImportService } from '../import/ImportService';
import { GraphAnalyzer } from './GraphAnalyzer';

jest.setTimeout(120_000);
const databases = createTestDatabases();

const app = (name: string) => `component:default/${name}`;
const res = (name: string) => `resource:default/${name}`;

describe.each(databases.eachSupportedId())(
  'GraphAnalyzer on the demo inventory (%p)',
  databaseId => {
    let analyzer: GraphAnalyzer;

    beforeAll(async () => {
      const { store, writePath } = await createTestStore(databases, databaseId);
      await new ImportService(
        writePath,
        mockServices.logger.mock(),
      ).importMaestro06(readDemoFiles(), user, 'test');
      analyzer = new GraphAnalyzer(store, 30);
    });

    it('measures the deps.json tree from lb-client-maestro-prd as computed by hand', async () => {
      const { graph, metrics } = await analyzer.analyze({
        type: 'application',
        ref: res('lb-client-maestro-prd'),
      });
      // 16 applications and 29 dependencies are reachable (deps.json).
      expect(metrics.nodes).toBe(16);
      expect(metrics.connections).toBe(29);
      expect(metrics.density).toBeCloseTo(29 / (16 * 15), 10);
      // lb-client | WebClient | lb-server, Audit | WebServer, MongoDB |
      // Discovery/Reports/Analytics API | SQS, Data API | 3 workers |
      // WebSocket API, Analytics Front.
      expect(metrics.depthHistogram).toEqual([1, 1, 2, 2, 3, 2, 3, 2]);
      expect(metrics.families).toEqual({
        Loadbalance: 2,
        Application: 12,
        Database: 1,
        Broker: 1,
      });
      expect(metrics.systems).toEqual(
        [
          'maestro-analytics',
          'maestro-audit',
          'maestro-client',
          'maestro-data',
          'maestro-discovery',
          'maestro-reports',
          'maestro-servers',
          'maestro-ws',
        ].map(s => `system:default/${s}`),
      );
      expect(metrics.clients).toEqual(['client:default/maestro']);
      // lb-client -> WebClient -> lb-server -> WebServer -> an API -> SQS ->
      // a worker -> Data API -> MongoDB: 9 nodes, 8 hops.
      expect(metrics.longestChain).toHaveLength(9);
      expect(metrics.longestChain[0]).toBe(res('lb-client-maestro-prd'));
      expect(metrics.longestChain.slice(-2)).toEqual([
        app('data-api'),
        res('db-mongodb'),
      ]);
      // Removing WebClient cuts off lb-client; Analytics Workers is the
      // only way to Analytics Front.
      expect(metrics.articulationPoints.sort()).toEqual([
        app('analytics-workers'),
        app('webclient-spa-maestro'),
      ]);
      expect(metrics.cycles).toEqual([]);
      expect(graph.problems).toEqual([]);
      expect(
        graph.edges.find(
          e => e.source === app('discovery-api') && e.target === res('sqs-xxx'),
        )?.protocol,
      ).toBe('amqp');
    });

    it('starts from a system (its entry applications) and a client (its systems)', async () => {
      const erp = await analyzer.analyze({
        type: 'system',
        ref: 'system:default/erp-spring',
      });
      expect(erp.graph.entries).toEqual([app('webapp-erp')]);
      expect(erp.graph.nodes.map(n => n.name)).toEqual([
        'webapp-erp',
        'oracle-erp-prd',
        'asm-manager',
      ]);
      expect(erp.metrics.articulationPoints).toEqual([res('oracle-erp-prd')]);
      const client = await analyzer.analyze({
        type: 'client',
        ref: 'client:default/erp',
      });
      expect(client.graph.entries).toEqual([app('webapp-erp')]);
      expect(client.metrics.connections).toBe(2);
    });

    it('refuses an unknown source, naming the field', async () => {
      await expect(
        analyzer.entriesOf({ type: 'system', ref: 'system:default/nope' }),
      ).rejects.toThrow(/source\.ref/);
    });
  },
);
