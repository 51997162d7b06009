import { HttpAuthService } from '@backstage/backend-plugin-api';
import { ConflictError, ServiceUnavailableError } from '@backstage/errors';
import { Request, Response } from 'express';
import Router from 'express-promise-router';
import { actorOf } from '../service/actor';
import { AnalyticsServices } from './createAnalytics';
import { readGraphSource } from './GraphAnalyzer';
import { readNewDependencies } from './DependencyMaker';
import { renderSvg } from './lib/renderSvg';
import { publicPage, unavailablePage } from './publicPage';
import { ObjectAccess, ObjectAction, RecordAccess } from '../access';
import { readableGraph, refsOfGraph } from './readableGraph';
import { SavedGraph } from '@maestro/plugin-maestro-common';

const WHY_GONE = {
  expired: 'it has expired',
  revoked: 'it was revoked',
  outdated: 'it was made by an earlier version; share the graph again',
};

/** Path prefix of the links that open without sign-in (see plugin.ts). */
export const PUBLIC_GRAPHS_PATH = '/public/graphs';

/**
 * `/analytics/...` for signed-in users (a graph is seen by who may read
 * it, recomputed, renamed and shared by its writers, deleted by its
 * admins; it shows each reader only the records it may read), and the
 * public share page under `/public/graphs/:token`, which shows the graph
 * the link was made for.
 */
export function analyticsRoutes(deps: {
  analytics?: AnalyticsServices;
  httpAuth: HttpAuthService;
  access: RecordAccess;
  objectAccess: ObjectAccess;
}) {
  const { httpAuth, objectAccess } = deps;
  const router = Router();
  const services = () => {
    if (!deps.analytics)
      throw new ServiceUnavailableError('Analytics is not set up');
    return deps.analytics;
  };
  const reader = (req: Request) =>
    httpAuth.credentials(req, { allow: ['user', 'service'] });
  /** Throws unless the caller may do `action` on the graph (404 when unreadable). */
  const allow = async (req: Request, action: ObjectAction = 'read') => {
    const credentials = await reader(req);
    await objectAccess.require(credentials, 'graph', req.params.id, action);
    return credentials;
  };

  /** The graph's records the caller may read; the caller's access to the graph is checked already. */
  const readablePartOf = async (
    credentials: Awaited<ReturnType<typeof reader>>,
    id: string,
  ): Promise<SavedGraph> => {
    const graph = await services().graphs.get(id);
    if (!graph.result) return graph;
    const hidden = await deps.access.unreadable(
      credentials,
      refsOfGraph(graph.result),
    );
    return { ...graph, result: readableGraph(graph.result, hidden) };
  };

  /** The graph with only what the reader may read. */
  const graphFor = async (req: Request, id: string): Promise<SavedGraph> => {
    const credentials = await reader(req);
    await objectAccess.require(credentials, 'graph', id);
    return readablePartOf(credentials, id);
  };

  router.get('/analytics/graphs', async (req, res) => {
    const credentials = await reader(req);
    const graphs = await services().graphs.list();
    res.json({
      items: await objectAccess.readable(credentials, 'graph', graphs),
    });
  });
  router.post('/analytics/graphs', async (req, res) => {
    await objectAccess.requireCreate(await reader(req), 'graph');
    const actor = await actorOf(httpAuth, req);
    res.status(201).json(await services().graphs.create(req.body, actor));
  });
  router.get('/analytics/graphs/:id', async (req, res) => {
    res.json(await graphFor(req, req.params.id));
  });
  router.put('/analytics/graphs/:id', async (req, res) => {
    await allow(req, 'update');
    const actor = await actorOf(httpAuth, req);
    res.json(await services().graphs.rename(req.params.id, req.body, actor));
  });
  router.delete('/analytics/graphs/:id', async (req, res) => {
    await allow(req, 'delete');
    await services().graphs.delete(req.params.id);
    res.status(204).end();
  });
  router.post('/analytics/graphs/:id/compute', async (req, res) => {
    await allow(req, 'update');
    const actor = await actorOf(httpAuth, req);
    res.json(await services().graphs.compute(req.params.id, actor));
  });
  router.get('/analytics/graphs/:id/svg', async (req, res) => {
    const graph = await graphFor(req, req.params.id);
    if (!graph.result) {
      res.status(409).json({
        error: {
          name: 'ConflictError',
          message: 'The graph has no result yet',
        },
      });
      return;
    }
    res
      .type('image/svg+xml')
      .set(
        'Content-Disposition',
        `attachment; filename="graph-${graph.id}.svg"`,
      )
      .send(renderSvg(graph.result.graph, { title: graph.name }));
  });
  router.post('/analytics/analyze', async (req, res) => {
    await reader(req);
    const source = readGraphSource(req.body?.source, 'source');
    res.json(await services().graphs.analyzer.analyze(source));
  });
  router.post('/analytics/dependencies', async (req, res) => {
    const actor = await actorOf(httpAuth, req);
    const edges = readNewDependencies(req.body);
    res.json(await services().maker.commit(edges, actor));
  });

  router.get('/analytics/graphs/:id/shares', async (req, res) => {
    await allow(req);
    await services().graphs.get(req.params.id);
    res.json({ items: await services().shares.list(req.params.id) });
  });
  router.post('/analytics/graphs/:id/shares', async (req, res) => {
    // A public link shows the graph to anyone: its writers make them.
    const credentials = await allow(req, 'update');
    const actor = await actorOf(httpAuth, req);
    // The link shows the graph as its creator reads it now, and only that.
    const { result } = await readablePartOf(credentials, req.params.id);
    if (!result) throw new ConflictError('Compute the graph before sharing it');
    const { share, token } = await services().shares.create(
      req.params.id,
      req.body?.expiresInHours,
      actor,
      result,
    );
    res.status(201).json({
      ...share,
      token,
      path: `${PUBLIC_GRAPHS_PATH}/${token}`,
    });
  });
  router.delete('/analytics/graphs/:id/shares/:shareId', async (req, res) => {
    await allow(req, 'update');
    const actor = await actorOf(httpAuth, req);
    await services().shares.revoke(req.params.id, req.params.shareId, actor);
    res.status(204).end();
  });

  const openShare = async (req: Request, res: Response) => {
    const opened = await services().shares.open(req.params.token);
    // Embeddable anywhere (wikis), but nothing may run inside it.
    res.removeHeader('X-Frame-Options');
    res.setHeader(
      'Content-Security-Policy',
      "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors *",
    );
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('Referrer-Policy', 'no-referrer');
    if (opened.status === 'not-found') {
      res
        .status(404)
        .type('html')
        .send(unavailablePage(404, 'This link is not valid.'));
      return undefined;
    }
    if (opened.status === 'gone') {
      res
        .status(410)
        .type('html')
        .send(
          unavailablePage(
            410,
            `This link no longer works: ${WHY_GONE[opened.reason]}.`,
          ),
        );
      return undefined;
    }
    return opened;
  };
  router.get(`${PUBLIC_GRAPHS_PATH}/:token`, async (req, res) => {
    const opened = await openShare(req, res);
    if (!opened) return;
    res.type('html').send(
      publicPage({
        name: opened.graph.name,
        svg: renderSvg(opened.graph.result.graph, { title: opened.graph.name }),
        metrics: opened.graph.result.metrics,
        expiresAt: opened.share.expiresAt,
      }),
    );
  });
  router.get(`${PUBLIC_GRAPHS_PATH}/:token/svg`, async (req, res) => {
    const opened = await openShare(req, res);
    if (!opened) return;
    res
      .type('image/svg+xml')
      .send(renderSvg(opened.graph.result.graph, { title: opened.graph.name }));
  });
  return router;
}
