import {
  MaestroAccessEntry,
  normalizePrincipal,
} from '@maestro/plugin-maestro-common';
import { accessInputErrors } from './accessInput';

function sameOwner(before: string | undefined, after: unknown) {
  const normal = (ref: unknown) => {
    if (typeof ref !== 'string' || !ref) return '';
    try {
      return normalizePrincipal(ref);
    } catch {
      return ref;
    }
  };
  return normal(before) === normal(after);
}

function sameEntries(before: MaestroAccessEntry[], after: unknown) {
  const { problems, input } = accessInputErrors({ entries: after ?? [] });
  // A bad list is refused by the write itself, with its fields named.
  if (problems.length) return true;
  const key = (entries: MaestroAccessEntry[]) =>
    JSON.stringify(
      entries
        .map(e => [e.principal, e.role])
        .sort(([a], [b]) => (a < b ? -1 : 1)),
    );
  return key(before) === key(input.entries);
}

/**
 * Whether a body that replaces something changes who has access to it: its
 * owner, or a list of access entries (in any order; refs compared
 * normalised), as a form that sends them back unchanged does not.
 */
export function changesAccess(
  current: { owner?: string; entries?: MaestroAccessEntry[] },
  next: { owner?: unknown; entries?: unknown },
): boolean {
  return (
    !sameOwner(current.owner, next.owner) ||
    !sameEntries(current.entries ?? [], next.entries)
  );
}
