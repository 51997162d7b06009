import { parseEntityRef } from '@backstage/catalog-model';
import {
  FieldError,
  MAESTRO_ACCESS_ROLES,
  MaestroAccessEntry,
  MaestroAccessRole,
  normalizePrincipal,
} from '@maestro/plugin-maestro-common';
import { RecordInputError } from '../writePath/translate';

export const MAX_ACCESS_ENTRIES = 200;

export interface AccessInput {
  /** Normalised owner, when the body changes it. */
  owner?: string;
  entries: MaestroAccessEntry[];
}

function principalProblem(value: unknown): string | undefined {
  if (typeof value !== 'string' || !value.trim())
    return 'is required (a user or group entity ref)';
  try {
    const ref = parseEntityRef(value, {
      defaultKind: 'group',
      defaultNamespace: 'default',
    });
    if (!['user', 'group'].includes(ref.kind.toLowerCase()))
      return `must be a user or a group, not a ${ref.kind}`;
  } catch (error) {
    return `is not an entity ref: ${(error as Error).message}`;
  }
  return undefined;
}

/**
 * Checks the access dialog's body: every problem names its field, and
 * nothing is written unless all of it is valid.
 */
export function readAccessInput(
  body: unknown,
  entriesField = 'entries',
): AccessInput {
  const errors = accessInputErrors(body, entriesField);
  if (errors.problems.length) {
    throw new RecordInputError(errors.problems);
  }
  return errors.input;
}

/** The problems of an access body (none when valid) and what it says. */
export function accessInputErrors(
  body: unknown,
  entriesField = 'entries',
): { problems: FieldError[]; input: AccessInput } {
  const input = (body ?? {}) as { owner?: unknown; entries?: unknown };
  const errors: FieldError[] = [];
  let owner: string | undefined;
  if (input.owner !== undefined) {
    const problem = principalProblem(input.owner);
    if (problem) errors.push({ field: 'owner', message: problem });
    else owner = normalizePrincipal(input.owner as string);
  }
  const entries: MaestroAccessEntry[] = [];
  if (!Array.isArray(input.entries)) {
    errors.push({ field: entriesField, message: 'must be a list' });
  } else if (input.entries.length > MAX_ACCESS_ENTRIES) {
    errors.push({
      field: entriesField,
      message: `must hold at most ${MAX_ACCESS_ENTRIES} entries`,
    });
  } else {
    const seen = new Set<string>();
    input.entries.forEach((raw: any, i: number) => {
      const problem = principalProblem(raw?.principal);
      if (problem) {
        errors.push({
          field: `${entriesField}[${i}].principal`,
          message: problem,
        });
        return;
      }
      if (!MAESTRO_ACCESS_ROLES.includes(raw.role)) {
        errors.push({
          field: `${entriesField}[${i}].role`,
          message: `must be one of ${MAESTRO_ACCESS_ROLES.join(', ')}`,
        });
        return;
      }
      const principal = normalizePrincipal(raw.principal);
      if (seen.has(principal)) {
        errors.push({
          field: `${entriesField}[${i}].principal`,
          message: `${principal} is listed twice`,
        });
        return;
      }
      seen.add(principal);
      entries.push({ principal, role: raw.role as MaestroAccessRole });
    });
  }
  return { problems: errors, input: { owner, entries } };
}
