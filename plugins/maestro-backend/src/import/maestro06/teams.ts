import { Entity } from '@backstage/catalog-model';
import { ImportContext } from './context';
import { DocumentReader, compact, documentsOf } from './documents';

const FILE = 'teams.json';

/**
 * teams.json -> Backstage Groups of type `team`. 0.6 teams carried no
 * hierarchy and their members were users (not exported), so children and
 * members start empty.
 */
export function translateTeams(
  ctx: ImportContext,
  files: Record<string, unknown>,
) {
  for (const { doc, index } of documentsOf(ctx, files, FILE) ?? []) {
    const r = new DocumentReader(ctx, FILE, index, doc);
    const title = r.string('name', true);
    const email = r.string('email');
    const picture = r.string('avatar');
    if (!title) continue;
    const entity: Entity = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Group',
      metadata: { name: ctx.names.claim('Group', title), title },
      spec: {
        type: 'team',
        children: [],
        profile: compact({ displayName: title, email, picture }),
      },
    };
    ctx.emit(entity, FILE, index);
  }
}
