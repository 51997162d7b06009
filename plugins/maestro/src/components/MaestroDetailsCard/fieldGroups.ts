/**
 * Maestro's record pages show a record in cards, as Maestro 0.6 did: its
 * info, services, storage, auth, datacenter and dependencies.
 */
export const FIELD_GROUPS = [
  'Info',
  'Services',
  'Storage',
  'Auth',
  'Datacenter',
  'Dependencies',
] as const;

export type FieldGroup = (typeof FIELD_GROUPS)[number];

/** The card a field belongs in, from where it sits in the entity. */
export function groupOfPath(path: string): FieldGroup {
  if (path.startsWith('spec.datacenter')) return 'Datacenter';
  if (path === 'spec.services') return 'Services';
  if (path === 'spec.storage') return 'Storage';
  if (path === 'spec.auth') return 'Auth';
  if (path === 'spec.dependencies' || path === 'spec.dependsOn')
    return 'Dependencies';
  return 'Info';
}
