import { MaestroSystemEntity } from '@maestro/plugin-maestro-common';
import { ImportContext } from './context';
import { DocumentReader, compact, documentsOf } from './documents';

const FILE = 'system.json';

/**
 * system.json -> Backstage Systems with the clients they serve. Entry points
 * are added later, from deps.json's `root` (see dependencies.ts).
 */
export function translateSystems(
  ctx: ImportContext,
  files: Record<string, unknown>,
) {
  for (const { doc, index } of documentsOf(ctx, files, FILE) ?? []) {
    const r = new DocumentReader(ctx, FILE, index, doc);
    const title = r.string('name', true);
    const clients = r.references('clients', 'clients');
    const description = r.string('description');
    if (!title) continue;
    const entity: MaestroSystemEntity = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'System',
      metadata: compact({
        name: ctx.names.claim('System', title),
        title,
        description,
      }),
      spec: compact({
        owner: ctx.owner,
        clients,
        tags: r.tags(),
      }),
    };
    ctx.names.register('systems', title, ctx.emit(entity, FILE, index));
  }
}
