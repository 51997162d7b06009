import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';
import { Knex } from 'knex';

/** The catalog's own schema, from its own migrations. */
export async function catalogDatabase(
  databases: TestDatabases,
  databaseId: TestDatabaseId,
): Promise<Knex> {
  const knex = await databases.init(databaseId);
  await knex.migrate.latest({
    directory: resolvePackagePath(
      '@backstage/plugin-catalog-backend',
      'migrations',
    ),
  });
  return knex;
}

/** Stores the relations one entity's processing emitted, as the catalog does. */
export async function processed(
  knex: Knex,
  entityRef: string,
  relations: Array<[source: string, type: string, target: string]>,
) {
  const entityId = `id-${entityRef}`;
  await knex('refresh_state').insert({
    entity_id: entityId,
    entity_ref: entityRef,
    unprocessed_entity: '{}',
    errors: '[]',
    next_update_at: knex.fn.now(),
    last_discovery_at: knex.fn.now(),
  });
  if (relations.length === 0) {
    return;
  }
  await knex('relations').insert(
    relations.map(([source, type, target]) => ({
      originating_entity_id: entityId,
      source_entity_ref: source,
      type,
      target_entity_ref: target,
    })),
  );
}
