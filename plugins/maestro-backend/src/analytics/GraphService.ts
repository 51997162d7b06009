import { InputError, NotFoundError } from '@backstage/errors';
import { v4 as uuid } from 'uuid';
import { AnalyticsStore } from './AnalyticsStore';
import { GraphAnalyzer, readGraphSource } from './GraphAnalyzer';
import { SavedGraph } from './types';

/** Saved graphs: create, recompute, read (saying when stale), delete. */
export class GraphService {
  constructor(
    private readonly store: AnalyticsStore,
    readonly analyzer: GraphAnalyzer,
  ) {}

  list() {
    return this.store.listGraphs();
  }

  async get(id: string): Promise<SavedGraph & { stale: boolean }> {
    const graph = await this.store.getGraph(id);
    if (!graph) throw new NotFoundError(`No graph ${id}`);
    const stale = graph.result
      ? await this.analyzer.isStale(graph.source, graph.result)
      : false;
    return { ...graph, stale };
  }

  async create(body: any, actor: string): Promise<SavedGraph> {
    const name = body?.name;
    if (typeof name !== 'string' || !name.trim() || name.length > 255)
      throw new InputError('name must be a text of 1 to 255 characters');
    const source = readGraphSource(body?.source, 'source');
    // Checked before writing anything: an unknown source is a 400.
    await this.analyzer.entriesOf(source);
    const now = new Date().toISOString();
    const id = uuid();
    await this.store.insertGraph({
      id,
      name: name.trim(),
      source,
      status: 'pending',
      createdAt: now,
      updatedAt: now,
      createdBy: actor,
      updatedBy: actor,
    });
    return this.compute(id, actor);
  }

  /** Recomputes; a failure keeps the last result and records the error. */
  async compute(id: string, actor: string): Promise<SavedGraph> {
    const graph = await this.store.getGraph(id);
    if (!graph) throw new NotFoundError(`No graph ${id}`);
    await this.store.setStatus(id, 'running', actor);
    try {
      const result = await this.analyzer.analyze(graph.source);
      await this.store.saveOutcome(id, { result }, actor);
    } catch (error) {
      await this.store.saveOutcome(
        id,
        { error: error instanceof Error ? error.message : String(error) },
        actor,
      );
    }
    return (await this.store.getGraph(id))!;
  }

  async rename(id: string, body: any, actor: string) {
    const name = body?.name;
    if (typeof name !== 'string' || !name.trim() || name.length > 255)
      throw new InputError('name must be a text of 1 to 255 characters');
    if (!(await this.store.renameGraph(id, name.trim(), actor)))
      throw new NotFoundError(`No graph ${id}`);
    return (await this.store.getGraph(id))!;
  }

  async delete(id: string) {
    if (!(await this.store.deleteGraph(id)))
      throw new NotFoundError(`No graph ${id}`);
  }
}
