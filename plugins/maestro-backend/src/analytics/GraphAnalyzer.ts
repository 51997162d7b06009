import { Entity, parseEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import { RecordStore } from '../store/RecordStore';
import { collectGraph } from './lib/collectGraph';
import { graphMetrics } from './lib/graphMetrics';
import { GraphSource, GraphResult } from './types';

const KINDS_OF_SOURCE: Record<GraphSource['type'], string[]> = {
  system: ['system'],
  client: ['client'],
  application: ['component', 'resource'],
};

/** Checks a `{ type, ref }` from a request; errors name the field. */
export function readGraphSource(value: unknown, field: string): GraphSource {
  const source = value as Partial<GraphSource> | undefined;
  if (!source || typeof source !== 'object')
    throw new InputError(`${field} must be an object { type, ref }`);
  if (!source.type || !(source.type in KINDS_OF_SOURCE))
    throw new InputError(`${field}.type must be system, client or application`);
  if (typeof source.ref !== 'string' || !source.ref)
    throw new InputError(`${field}.ref must be an entity ref`);
  let kind: string;
  try {
    kind = parseEntityRef(source.ref).kind.toLocaleLowerCase('en-US');
  } catch {
    throw new InputError(`${field}.ref must be an entity ref`);
  }
  if (!KINDS_OF_SOURCE[source.type].includes(kind))
    throw new InputError(
      `${field}.ref must be a ${KINDS_OF_SOURCE[source.type].join(' or ')} ref`,
    );
  return { type: source.type, ref: source.ref };
}

/**
 * Builds a graph from the Maestro store (not the catalog, which lags the
 * store): resolves the source to entry applications, walks dependencies,
 * then computes the metrics.
 */
export class GraphAnalyzer {
  constructor(
    private readonly store: RecordStore,
    private readonly maxDepth: number,
  ) {}

  private async live(refs: string[]) {
    const found = await this.store.findByRefs(refs);
    const live = new Map<string, Entity>();
    let seq = 0;
    for (const [ref, record] of found) {
      if (record.deleted) continue;
      live.set(ref, record.entity);
      seq = Math.max(seq, record.seq);
    }
    return { live, seq };
  }

  /** Entry applications of a source; 400 naming `field` if it is unknown. */
  async entriesOf(source: GraphSource, field = 'source'): Promise<string[]> {
    const { live } = await this.live([source.ref]);
    const entity = live.get(source.ref);
    if (!entity)
      throw new InputError(`${field}.ref: no record ${source.ref} in Maestro`);
    if (source.type === 'application') return [source.ref];
    if (source.type === 'system') return this.systemEntries(source.ref, entity);
    const systems = (await this.liveOfKind('System')).filter(system =>
      clientsOf(system.entity).includes(source.ref),
    );
    const entries: string[] = [];
    for (const system of systems)
      entries.push(...(await this.systemEntries(system.ref, system.entity)));
    return [...new Set(entries)];
  }

  private async liveOfKind(kind: string) {
    const rows = await this.store
      .knex('maestro_records')
      .select('entity_ref', 'entity')
      .where({ kind, deleted: false });
    return rows.map(row => ({
      ref: row.entity_ref as string,
      entity: JSON.parse(row.entity) as Entity,
    }));
  }

  /**
   * A system's entry points; when it names none (Maestro 0.6 data sets them
   * only from deps.json's root), its members that no other member depends on.
   */
  private async systemEntries(ref: string, system: Entity): Promise<string[]> {
    const named = entryPointsOf(system);
    if (named.length) return named;
    const members = [
      ...(await this.liveOfKind('Component')),
      ...(await this.liveOfKind('Resource')),
    ].filter(m => systemsOf(m.entity).includes(ref));
    const targets = new Set(
      members.flatMap(m => dependencyTargetsOf(m.entity)),
    );
    const roots = members.filter(m => !targets.has(m.ref)).map(m => m.ref);
    return (roots.length ? roots : members.map(m => m.ref)).sort();
  }

  async analyze(source: GraphSource): Promise<GraphResult> {
    const entries = await this.entriesOf(source);
    // The source's own changes (a system's entry points) make it stale too.
    let seq = (await this.live([source.ref])).seq;
    const graph = await collectGraph(
      entries,
      async refs => {
        const loaded = await this.live(refs);
        seq = Math.max(seq, loaded.seq);
        return loaded.live;
      },
      { maxDepth: this.maxDepth },
    );
    const systemRefs = [...new Set(graph.nodes.flatMap(n => n.systems))];
    const { live: systems } = await this.live(systemRefs);
    const metrics = graphMetrics(graph, ref =>
      systems.has(ref) ? clientsOf(systems.get(ref)!) : [],
    );
    if (metrics.cycles.length)
      graph.problems.push({
        type: 'cycle',
        message: `${metrics.cycles.length} dependency cycle(s)`,
        refs: metrics.cycles.flat(),
      });
    return { graph, metrics, seq };
  }

  /** True when a record the result was built from changed since. */
  async isStale(source: GraphSource, result: GraphResult): Promise<boolean> {
    const refs = [source.ref, ...result.graph.nodes.map(n => n.ref)];
    const found = await this.store.findByRefs(refs);
    if ([...found.values()].some(r => r.seq > result.seq)) return true;
    // A missing target that now exists changes the graph too.
    return result.graph.nodes.some(n => n.missing && found.has(n.ref));
  }
}

function entryPointsOf(system: Entity): string[] {
  const refs = (system.spec as any)?.entryPoints;
  return Array.isArray(refs) ? refs.filter(r => typeof r === 'string') : [];
}

function clientsOf(system: Entity): string[] {
  const refs = (system.spec as any)?.clients;
  return Array.isArray(refs) ? refs.filter(r => typeof r === 'string') : [];
}

function systemsOf(entity: Entity): string[] {
  const spec = (entity.spec ?? {}) as Record<string, any>;
  if (Array.isArray(spec.systems)) return spec.systems;
  return typeof spec.system === 'string' ? [spec.system] : [];
}

function dependencyTargetsOf(entity: Entity): string[] {
  const spec = (entity.spec ?? {}) as Record<string, any>;
  const fromDeps = Array.isArray(spec.dependencies)
    ? spec.dependencies.map((d: any) => d?.target)
    : [];
  const dependsOn = Array.isArray(spec.dependsOn) ? spec.dependsOn : [];
  return [...fromDeps, ...dependsOn].filter(t => typeof t === 'string');
}
