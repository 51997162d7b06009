import { Knex } from 'knex';
import {
  createTestDatabases,
  createTestStore,
} from '../__testUtils__/testStore';
import { AnalyticsStore } from './AnalyticsStore';
import { ShareLinks } from './ShareLinks';
import { GraphResult } from './types';

const databases = createTestDatabases();

/** What the link's creator could read: one node of the graph. */
const view: GraphResult = {
  graph: {
    entries: ['component:default/a'],
    nodes: [
      {
        ref: 'component:default/a',
        kind: 'component',
        name: 'a',
        title: 'a',
        family: 'Application',
        systems: [],
        servers: [],
        depth: 0,
        entry: true,
      },
    ],
    edges: [],
    problems: [],
  },
  metrics: {} as GraphResult['metrics'],
  seq: 7,
};

const result: GraphResult = {
  graph: { entries: [], nodes: [], edges: [], problems: [] },
  metrics: {
    nodes: 0,
    connections: 0,
    density: 0,
    depthHistogram: [],
    families: {},
    systems: [],
    clients: [],
    servers: [],
    longestChain: [],
    articulationPoints: [],
    cycles: [],
  },
  seq: 0,
};

describe.each(databases.eachSupportedId())('ShareLinks on %p', databaseId => {
  let store: AnalyticsStore;
  let knex: Knex;
  let clock: Date;
  const now = () => clock;

  beforeAll(async () => {
    ({ knex } = await createTestStore(databases, databaseId));
    store = new AnalyticsStore(knex);
    for (const id of ['g1', 'g2']) {
      await store.insertGraph({
        id,
        name: `graph ${id}`,
        source: { type: 'application', ref: 'component:default/a' },
        status: 'finished',
        result,
        createdAt: '2026-11-26T00:00:00.000Z',
        updatedAt: '2026-11-26T00:00:00.000Z',
        createdBy: 'user:default/ada',
        updatedBy: 'user:default/ada',
      });
    }
  });

  beforeEach(() => {
    clock = new Date('2026-11-26T10:00:00.000Z');
  });

  it('opens exactly its graph, on every replica (key generated once, in the database)', async () => {
    const replicaA = new ShareLinks(store, undefined, now);
    const replicaB = new ShareLinks(store, undefined, now);
    const { token, share } = await replicaA.create(
      'g1',
      2,
      'user:default/ada',
      view,
    );
    expect(share.expiresAt).toBe('2026-11-26T12:00:00.000Z');
    const opened = await replicaB.open(token);
    expect(opened.status).toBe('ok');
    expect(opened.status === 'ok' && opened.graph.id).toBe('g1');
    // The view it was made with, not the graph's stored (full) result.
    expect(opened.status === 'ok' && opened.graph.result).toEqual(view);
    expect(await store.listShares('g1')).toEqual([
      expect.objectContaining({ id: share.id, graphId: 'g1' }),
    ]);
  });

  it('stops at expiry', async () => {
    const links = new ShareLinks(store, undefined, now);
    const { token } = await links.create('g1', 1, 'user:default/ada', view);
    clock = new Date('2026-11-26T10:59:59.000Z');
    expect((await links.open(token)).status).toBe('ok');
    clock = new Date('2026-11-26T11:00:00.000Z');
    expect(await links.open(token)).toEqual({
      status: 'gone',
      reason: 'expired',
    });
  });

  it('stops when revoked, and only through its own graph', async () => {
    const links = new ShareLinks(store, undefined, now);
    const { token, share } = await links.create(
      'g1',
      24,
      'user:default/ada',
      view,
    );
    await expect(
      links.revoke('g2', share.id, 'user:default/ada'),
    ).rejects.toThrow(/No active share/);
    expect((await links.open(token)).status).toBe('ok');
    await links.revoke('g1', share.id, 'user:default/bob');
    expect(await links.open(token)).toEqual({
      status: 'gone',
      reason: 'revoked',
    });
    expect((await store.getShare(share.id))?.revokedAt).toBeDefined();
  });

  it('finds nothing for a tampered token or another key', async () => {
    const links = new ShareLinks(store, undefined, now);
    const { token, share } = await links.create(
      'g1',
      24,
      'user:default/ada',
      view,
    );
    const [, signature] = token.split('.');
    const otherGraph = Buffer.from(
      JSON.stringify({ s: share.id, g: 'g2', e: 2000000000 }),
    ).toString('base64url');
    expect(await links.open(`${otherGraph}.${signature}`)).toEqual({
      status: 'not-found',
    });
    const configured = new ShareLinks(store, 'configured-secret', now);
    expect(await configured.open(token)).toEqual({ status: 'not-found' });
  });

  it('refuses to open a link that kept no view of its graph', async () => {
    const links = new ShareLinks(store, undefined, now);
    const { token, share } = await links.create(
      'g1',
      24,
      'user:default/ada',
      view,
    );
    await knex('maestro_graph_shares')
      .where({ id: share.id })
      .update({ view: null });
    expect(await links.open(token)).toEqual({
      status: 'gone',
      reason: 'outdated',
    });
  });

  it('refuses a bad expiry, writing nothing', async () => {
    const links = new ShareLinks(store, undefined, now);
    const before = (await store.listShares('g2')).length;
    for (const bad of [0, 1.5, '3', undefined, 24 * 366]) {
      await expect(
        links.create('g2', bad, 'user:default/ada', view),
      ).rejects.toThrow(/expiresInHours/);
    }
    expect(await store.listShares('g2')).toHaveLength(before);
  });
});
