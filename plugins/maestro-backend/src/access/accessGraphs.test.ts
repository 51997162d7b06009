import { mockCredentials } from '@backstage/backend-test-utils';
import request from 'supertest';
import { createTestDatabases } from '../__testUtils__/testStore';
import { readDemoFiles } from '../__testUtils__/demoData';
import { startAccessTestBackend } from '../__testUtils__/accessTestBackend';

jest.setTimeout(120_000);
const databases = createTestDatabases();

const LB_CLIENT = 'resource:default/lb-client-maestro-prd';

describe.each(databases.eachSupportedId())(
  'graphs show each reader only what it may read, on %p',
  databaseId => {
    let server: any;
    const as = (user: string) => {
      const auth = mockCredentials.user.header(`user:default/${user}`);
      return {
        get: (path: string) =>
          request(server).get(`/api/maestro${path}`).set('authorization', auth),
        post: (path: string) =>
          request(server)
            .post(`/api/maestro${path}`)
            .set('authorization', auth),
        put: (path: string) =>
          request(server).put(`/api/maestro${path}`).set('authorization', auth),
      };
    };

    beforeAll(async () => {
      const knex = await databases.init(databaseId);
      ({ server } = await startAccessTestBackend({
        knex,
        defaultRead: 'signed-in',
        // The import makes ada's team the owner of the demo records.
        teams: { 'user:default/ada': ['group:default/architects'] },
        config: {
          maestro: {
            analytics: { maxDepth: 30 },
            import: { defaultOwner: 'group:default/architects' },
          },
        },
      }));
      await as('ada')
        .post('/import/maestro-0.6')
        .send({ files: readDemoFiles() })
        .expect(200);
    });

    it('leaves out the nodes and edges of records the reader may not read, in the graph, its SVG and its public links', async () => {
      const created = await as('ada')
        .post('/analytics/graphs')
        .send({
          name: 'Architecture',
          source: { type: 'application', ref: LB_CLIENT },
        })
        .expect(201);
      const full = await as('bob')
        .get(`/analytics/graphs/${created.body.id}`)
        .expect(200);
      expect(full.body.result.metrics.nodes).toBe(16);
      // A leaf of the tree: hiding it removes one node and its edges only.
      const { nodes, edges } = full.body.result.graph;
      // (one whose title is in no other title, to look for it in the SVG)
      const hiddenNode = nodes.find(
        (n: any) =>
          !n.entry &&
          !edges.some((e: any) => e.source === n.ref) &&
          !nodes.some((o: any) => o !== n && o.title.includes(n.title)),
      );
      const hiddenEdges = edges.filter((e: any) => e.target === hiddenNode.ref);
      expect(hiddenEdges.length).toBeGreaterThan(0);

      // ada keeps the record to herself: an entry makes the default stop applying.
      await as('ada')
        .put(`/records/by-ref/access?ref=${encodeURIComponent(hiddenNode.ref)}`)
        .send({ entries: [{ principal: 'user:default/ada', role: 'admin' }] })
        .expect(200);

      const seenByBob = await as('bob')
        .get(`/analytics/graphs/${created.body.id}`)
        .expect(200);
      const graph = seenByBob.body.result.graph;
      expect(graph.nodes.map((n: any) => n.ref)).not.toContain(hiddenNode.ref);
      expect(graph.nodes).toHaveLength(15);
      expect(
        graph.edges.filter(
          (e: any) =>
            e.source === hiddenNode.ref || e.target === hiddenNode.ref,
        ),
      ).toEqual([]);
      expect(graph.edges).toHaveLength(edges.length - hiddenEdges.length);
      expect(seenByBob.body.result.metrics.nodes).toBe(15);
      const svg = await as('bob')
        .get(`/analytics/graphs/${created.body.id}/svg`)
        .expect(200);
      const svgText = svg.text ?? Buffer.from(svg.body).toString('utf8');
      expect(svgText).toContain('<svg');
      expect(svgText).not.toContain(hiddenNode.title);

      const seenByAda = await as('ada')
        .get(`/analytics/graphs/${created.body.id}`)
        .expect(200);
      expect(seenByAda.body.result.graph.nodes).toHaveLength(16);

      // A public link shows what its creator reads, to whoever opens it.
      const publicSvg = async (user: string) => {
        const own = await as(user)
          .post('/analytics/graphs')
          .send({
            name: `${user}'s architecture`,
            source: { type: 'application', ref: LB_CLIENT },
          })
          .expect(201);
        const share = await as(user)
          .post(`/analytics/graphs/${own.body.id}/shares`)
          .send({ expiresInHours: 1 })
          .expect(201);
        const opened = await request(server)
          .get(`/api/maestro${share.body.path}/svg`)
          .expect(200);
        return opened.text ?? Buffer.from(opened.body).toString('utf8');
      };
      const sharedByBob = await publicSvg('bob');
      expect(sharedByBob).toContain('<svg');
      expect(sharedByBob).not.toContain(hiddenNode.title);
      expect(await publicSvg('ada')).toContain(hiddenNode.title);
    });
  },
);
