import { NewDependency } from '@maestro/plugin-maestro-common';
import { Entity, parseEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import { RecordStore } from '../store/RecordStore';
import { WritePath } from '../writePath/WritePath';

export type { NewDependency };

const SERVICE_KINDS = ['component', 'resource'];

function readRef(value: unknown, field: string): string {
  if (typeof value !== 'string' || !value)
    throw new InputError(`${field} must be an entity ref`);
  let kind: string;
  try {
    kind = parseEntityRef(value).kind.toLocaleLowerCase('en-US');
  } catch {
    throw new InputError(`${field} must be an entity ref`);
  }
  if (!SERVICE_KINDS.includes(kind))
    throw new InputError(`${field} must be an application or resource ref`);
  return value;
}

/** Checks `{ dependencies: [{ source, target, protocol }] }`; errors name the field. */
export function readNewDependencies(body: any): NewDependency[] {
  const list = body?.dependencies;
  if (!Array.isArray(list) || !list.length || list.length > 1000)
    throw new InputError('dependencies must be a list of 1 to 1000 edges');
  return list.map((item: any, i: number) => {
    const field = `dependencies[${i}]`;
    const source = readRef(item?.source, `${field}.source`);
    const target = readRef(item?.target, `${field}.target`);
    if (source === target)
      throw new InputError(
        `${field}.target: an application cannot depend on itself`,
      );
    const protocol = item?.protocol;
    if (
      protocol !== undefined &&
      (typeof protocol !== 'string' || !protocol || protocol.length > 64)
    )
      throw new InputError(`${field}.protocol must be a protocol name`);
    return { source, target, ...(protocol ? { protocol } : {}) };
  });
}

/**
 * Commits the dependency maker's tree: each edge joins its source's
 * `spec.dependencies` (and `spec.dependsOn`) through the write path, all
 * sources in one transaction, so history records who added what.
 */
export class DependencyMaker {
  constructor(
    private readonly store: RecordStore,
    private readonly writePath: WritePath,
  ) {}

  async commit(edges: NewDependency[], actor: string) {
    const refs = [...new Set(edges.flatMap(e => [e.source, e.target]))];
    const found = await this.store.findByRefs(refs);
    edges.forEach((edge, i) => {
      for (const end of ['source', 'target'] as const) {
        const record = found.get(edge[end]);
        if (!record || record.deleted)
          throw new InputError(
            `dependencies[${i}].${end}: no record ${edge[end]} in Maestro`,
          );
      }
    });
    const changed = new Map<string, Entity>();
    for (const edge of edges) {
      const entity =
        changed.get(edge.source) ??
        (JSON.parse(JSON.stringify(found.get(edge.source)!.entity)) as Entity);
      const spec = (entity.spec ??= {}) as Record<string, any>;
      const dependencies: any[] = Array.isArray(spec.dependencies)
        ? spec.dependencies
        : [];
      if (
        !dependencies.some(
          d => d.target === edge.target && d.protocol === edge.protocol,
        )
      ) {
        dependencies.push({
          target: edge.target,
          ...(edge.protocol ? { protocol: edge.protocol } : {}),
        });
      }
      spec.dependencies = dependencies;
      const dependsOn: string[] = Array.isArray(spec.dependsOn)
        ? spec.dependsOn
        : [];
      if (!dependsOn.includes(edge.target)) dependsOn.push(edge.target);
      spec.dependsOn = dependsOn;
      changed.set(edge.source, entity);
    }
    const results = await this.writePath.writeMany([...changed.values()], {
      mode: 'update',
      source: { type: 'ui', name: 'dependency-maker' },
      actor,
    });
    return {
      updated: results
        .filter(r => r.action !== 'unchanged')
        .map(r => r.record.entityRef),
    };
  }
}
