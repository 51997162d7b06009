import { MaestroDependency } from '@maestro/plugin-maestro-common';
import { ImportContext } from './context';
import { isPlainObject } from './documents';

const FILE = 'deps.json';
/** deps.json's key for the entry points of the whole tree. */
const ROOT = 'root';

/**
 * deps.json -> dependencies of applications and resources, and entry points
 * of systems. The file is `{ "#name::<app>": [{ name, endpoint }], root: [...] }`
 * where `endpoint` is the protocol (rest, tcp, amqp, http...).
 *
 * Each edge becomes `spec.dependencies[] = { target, protocol }` of the
 * source, and its target joins `spec.dependsOn` (what Backstage draws). An
 * entry point becomes `spec.entryPoints` of every system it belongs to; one
 * that belongs to none is returned, since no System can hold it.
 *
 * Errors name the file, the source key as field prefix and the edge's index.
 */
export function translateDependencies(
  ctx: ImportContext,
  files: Record<string, unknown>,
): string[] {
  const deps = files[FILE];
  if (deps === undefined) return [];
  if (!isPlainObject(deps)) {
    ctx.error(
      FILE,
      undefined,
      undefined,
      'must be a JSON object of "#name::<app>": [edges]',
    );
    return [];
  }
  const withoutSystem: string[] = [];
  for (const [key, edges] of Object.entries(deps)) {
    if (!Array.isArray(edges)) {
      ctx.error(FILE, undefined, key, 'must be a list of {name, endpoint}');
      continue;
    }
    if (key === ROOT) {
      edges.forEach((edge, index) => {
        const entry = resolveApp(ctx, edge, index, `${key}[${index}].name`);
        if (entry) addEntryPoint(ctx, entry, withoutSystem);
      });
      continue;
    }
    const source = resolveApp(ctx, key, undefined, key);
    edges.forEach((edge, index) => {
      const target = resolveApp(ctx, edge, index, `${key}[${index}].name`);
      const endpoint = isPlainObject(edge) ? edge.endpoint : undefined;
      if (
        endpoint !== undefined &&
        endpoint !== null &&
        typeof endpoint !== 'string'
      ) {
        ctx.error(
          FILE,
          index,
          `${key}[${index}].endpoint`,
          'must be a string (the protocol)',
        );
      }
      if (source && target) {
        addDependency(ctx, source, {
          target,
          protocol:
            typeof endpoint === 'string' && endpoint ? endpoint : undefined,
        });
      }
    });
  }
  return withoutSystem;
}

/** The app a key or an edge `{name}` refers to, or an error. */
function resolveApp(
  ctx: ImportContext,
  value: unknown,
  index: number | undefined,
  field: string,
): string | undefined {
  const resolved = ctx.names.resolve('apps', value);
  if ('ref' in resolved) return resolved.ref;
  ctx.error(FILE, index, field, resolved.problem);
  return undefined;
}

function addDependency(
  ctx: ImportContext,
  sourceRef: string,
  dep: MaestroDependency,
) {
  const spec = ctx.specOf(sourceRef);
  if (!spec) return;
  const dependencies =
    (spec.dependencies as MaestroDependency[] | undefined) ?? [];
  const known = dependencies.some(
    d => d.target === dep.target && d.protocol === dep.protocol,
  );
  if (!known) {
    spec.dependencies = [
      ...dependencies,
      dep.protocol ? dep : { target: dep.target },
    ];
  }
  const dependsOn = (spec.dependsOn as string[] | undefined) ?? [];
  if (!dependsOn.includes(dep.target))
    spec.dependsOn = [...dependsOn, dep.target];
}

function addEntryPoint(
  ctx: ImportContext,
  appRef: string,
  withoutSystem: string[],
) {
  const systems = (ctx.specOf(appRef)?.systems as string[] | undefined) ?? [];
  if (!systems.length && !withoutSystem.includes(appRef))
    withoutSystem.push(appRef);
  for (const systemRef of systems) {
    const spec = ctx.specOf(systemRef);
    if (!spec) continue;
    const entryPoints = (spec.entryPoints as string[] | undefined) ?? [];
    if (!entryPoints.includes(appRef))
      spec.entryPoints = [...entryPoints, appRef];
  }
}
