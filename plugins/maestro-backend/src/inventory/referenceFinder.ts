import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import { Knex } from 'knex';

const RECORDS = 'maestro_records';

/** A record that points at another one, and the fields it does so in. */
export interface RecordReference {
  entityRef: string;
  kind: string;
  title: string;
  /** Dotted paths of the fields holding the reference, e.g. `spec.servers.1`. */
  fields: string[];
}

export interface ReferencesPage {
  items: RecordReference[];
  totalCount: number;
}

/** The spellings a reference can have in a spec: full, or without the default namespace. */
function spellingsOf(entityRef: string): string[] {
  let parsed;
  try {
    parsed = parseEntityRef(entityRef);
  } catch {
    throw new InputError(`Query parameter 'ref' is not an entity ref`);
  }
  const full = stringifyEntityRef(parsed).toLowerCase();
  const spellings = [full];
  if (parsed.namespace === 'default') {
    spellings.push(`${parsed.kind}:${parsed.name}`.toLowerCase());
  }
  return spellings;
}

function escapeLike(value: string) {
  return value.replace(/[\\%_]/g, c => `\\${c}`);
}

/** Paths under `prefix` whose string value is one of the spellings. */
function pathsHolding(
  value: unknown,
  spellings: string[],
  prefix: string,
  out: string[],
) {
  if (typeof value === 'string') {
    if (spellings.includes(value.toLowerCase())) out.push(prefix);
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => pathsHolding(v, spellings, `${prefix}.${i}`, out));
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      pathsHolding(v, spellings, `${prefix}.${k}`, out);
    }
  }
}

/**
 * Finds the live records whose spec refers to `entityRef` (an application
 * running on a server, a server in a datacenter, a snapshot of a volume...),
 * so that a user deleting a record learns what would be left pointing at
 * nothing. The database narrows the candidates by text; each candidate's
 * spec is then walked so that only real references count (a description
 * that merely mentions the ref does not).
 */
export async function findReferences(
  db: Knex,
  entityRef: string,
  limit = 100,
  readable: (builder: Knex.QueryBuilder, table: string) => void = () => {},
): Promise<ReferencesPage> {
  const spellings = spellingsOf(entityRef);
  const self = spellings[0];
  const candidates = db(RECORDS)
    .select('entity_ref', 'kind', 'title', 'name', 'entity')
    .where({ deleted: false })
    .whereNot('entity_ref', self)
    .where(q => {
      for (const spelling of spellings) {
        q.orWhereRaw(`LOWER(entity) LIKE ? ESCAPE '\\'`, [
          `%"${escapeLike(spelling)}"%`,
        ]);
      }
    })
    .orderBy('entity_ref');
  // References the reader may not see are not shown, nor counted.
  readable(candidates, RECORDS);
  const rows = await candidates;

  const items: RecordReference[] = [];
  for (const row of rows) {
    const entity = JSON.parse(row.entity);
    const fields: string[] = [];
    pathsHolding(entity.spec, spellings, 'spec', fields);
    if (fields.length) {
      items.push({
        entityRef: row.entity_ref,
        kind: row.kind,
        title: row.title ?? row.name,
        fields,
      });
    }
  }
  return { items: items.slice(0, limit), totalCount: items.length };
}
