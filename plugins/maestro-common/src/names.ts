/**
 * Entity names. A `metadata.name` is a record's identity forever, so the
 * slug rules must stay stable: the same title always gives the same name.
 */

export const MAX_NAME_LENGTH = 63;

/**
 * A Backstage-valid name from any text: lowercase letters, digits and single
 * `-`, `_` or `.` between them, at most 63 characters.
 * `"DB - MongoDB [Staging]"` -> `db-mongodb-staging`.
 */
export function slugify(text: string, maxLength = MAX_NAME_LENGTH): string {
  const ascii = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '') // drop accents rather than whole letters
    .toLowerCase();
  const slug = ascii
    // A lone separator Backstage allows is kept ("v1.2", "snake_case");
    // any other run of non-alphanumerics becomes one hyphen.
    .replace(/[^a-z0-9]+/g, run => (/^[-_.]$/.test(run) ? run : '-'))
    .slice(0, maxLength)
    .replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, '');
  return slug || 'unnamed';
}

/** The n-th variant of a name taken already: `web` -> `web-2`, within 63 characters. */
export function nameWithSuffix(base: string, n: number): string {
  const suffix = `-${n}`;
  return `${slugify(base, MAX_NAME_LENGTH - suffix.length)}${suffix}`;
}
