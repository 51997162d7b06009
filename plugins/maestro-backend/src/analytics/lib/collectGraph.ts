import { Entity, parseEntityRef } from '@backstage/catalog-model';
import { DependencyGraph, GraphEdge, GraphNode, GraphProblem } from './types';

/** Loads the entities of some refs; absent refs are simply not in the map. */
export type EntityLoader = (refs: string[]) => Promise<Map<string, Entity>>;

interface Dependency {
  target: string;
  protocol?: string;
  description?: string;
}

/** `spec.dependencies`, plus `spec.dependsOn` entries they do not cover. */
function dependenciesOf(entity: Entity): Dependency[] {
  const spec = (entity.spec ?? {}) as Record<string, any>;
  const deps: Dependency[] = Array.isArray(spec.dependencies)
    ? spec.dependencies.filter((d: any) => typeof d?.target === 'string')
    : [];
  const covered = new Set(deps.map(d => d.target));
  for (const target of Array.isArray(spec.dependsOn) ? spec.dependsOn : []) {
    if (typeof target === 'string' && !covered.has(target)) {
      deps.push({ target });
      covered.add(target);
    }
  }
  return deps;
}

function nodeOf(ref: string, entity: Entity | undefined, depth: number) {
  let kind = 'unknown';
  let name = ref;
  try {
    const parsed = parseEntityRef(ref);
    kind = parsed.kind.toLocaleLowerCase('en-US');
    name = parsed.name;
  } catch {
    // A malformed ref stays a missing node named by the ref itself.
  }
  const spec = (entity?.spec ?? {}) as Record<string, any>;
  let systems: string[] = [];
  if (Array.isArray(spec.systems)) systems = spec.systems;
  else if (typeof spec.system === 'string') systems = [spec.system];
  const node: GraphNode = {
    ref,
    kind,
    name,
    title: entity?.metadata.title ?? entity?.metadata.name ?? name,
    family:
      spec.family ??
      (kind === 'component' ? 'Application' : spec.type ?? 'Unknown'),
    systems,
    servers: Array.isArray(spec.servers) ? spec.servers : [],
    depth,
    entry: depth === 0,
  };
  if (!entity) node.missing = true;
  return node;
}

/**
 * Walks the dependencies from the entry applications, breadth first, one
 * store query per depth. Every node is visited once, so cycles cannot loop;
 * nodes at `maxDepth` are drawn but their dependencies are not followed.
 * Self-dependencies, missing targets and the cut are reported as problems.
 */
export async function collectGraph(
  entries: string[],
  load: EntityLoader,
  options: { maxDepth: number },
): Promise<DependencyGraph> {
  const nodes = new Map<string, GraphNode>();
  const edges: GraphEdge[] = [];
  const edgeKeys = new Set<string>();
  const problems: GraphProblem[] = [];
  const missing: string[] = [];
  const selfDependent: string[] = [];
  const truncated: string[] = [];

  let frontier = [...new Set(entries)];
  for (let depth = 0; frontier.length; depth++) {
    const entities = await load(frontier);
    const next: string[] = [];
    for (const ref of frontier) {
      const entity = entities.get(ref);
      const node = nodeOf(ref, entity, depth);
      nodes.set(ref, node);
      if (!entity) {
        missing.push(ref);
        continue;
      }
      const deps = dependenciesOf(entity);
      if (depth >= options.maxDepth && deps.some(d => !nodes.has(d.target))) {
        node.truncated = true;
        truncated.push(ref);
        continue;
      }
      for (const dep of deps) {
        const key = `${ref}\u0000${dep.target}\u0000${dep.protocol ?? ''}`;
        if (edgeKeys.has(key)) continue;
        edgeKeys.add(key);
        edges.push({
          source: ref,
          target: dep.target,
          ...(dep.protocol ? { protocol: dep.protocol } : {}),
          ...(dep.description ? { description: dep.description } : {}),
        });
        if (dep.target === ref) {
          if (!selfDependent.includes(ref)) selfDependent.push(ref);
          continue;
        }
        if (!nodes.has(dep.target) && !next.includes(dep.target)) {
          next.push(dep.target);
        }
      }
    }
    frontier = next.filter(ref => !nodes.has(ref));
  }

  // Edges out of truncated nodes to nodes already drawn are kept above;
  // edges into nodes never reached cannot exist, so the graph is closed.
  const entrySet = new Set(entries);
  const missingEntries = missing.filter(ref => entrySet.has(ref));
  const missingTargets = missing.filter(ref => !entrySet.has(ref));
  if (missingEntries.length)
    problems.push({
      type: 'missing-entry',
      message: 'Entry applications not found in the inventory',
      refs: missingEntries,
    });
  if (missingTargets.length)
    problems.push({
      type: 'missing-target',
      message: 'Dependencies on records not found in the inventory',
      refs: missingTargets,
    });
  if (selfDependent.length)
    problems.push({
      type: 'self-dependency',
      message: 'Applications that depend on themselves',
      refs: selfDependent,
    });
  if (truncated.length)
    problems.push({
      type: 'depth-limit',
      message: `Dependencies beyond depth ${options.maxDepth} were not followed`,
      refs: truncated,
    });
  return {
    entries: [...entrySet],
    nodes: [...nodes.values()],
    edges,
    problems,
  };
}
