/** Shown for the side of a diff where the field did not exist. */
export const ABSENT = '(none)';

/**
 * One-line JSON of a diff value. Strings keep their quotes so that `"16"`
 * and `16`, or `""` and an absent field, stay distinguishable.
 */
export function formatJson(value: unknown): string {
  if (value === undefined) return ABSENT;
  return JSON.stringify(value) ?? String(value);
}
