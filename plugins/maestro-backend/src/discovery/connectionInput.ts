import { parseEntityRef } from '@backstage/catalog-model';
import { FieldError, MaestroAccessEntry } from '@maestro/plugin-maestro-common';
import { accessInputErrors } from '../access/accessInput';
import { DiscoverySource } from '@maestro/plugin-maestro-node';
import { StoredConnection } from './types';

/** A connection as the API receives it: secret and plain fields together. */
export interface ConnectionInput {
  title: string;
  type: string;
  datacenter: string;
  owner?: string;
  accessTemplate?: MaestroAccessEntry[];
  settings: Record<string, string>;
  credentials: Record<string, string>;
}

export class ConnectionInputError extends Error {
  constructor(readonly fieldErrors: FieldError[]) {
    super(
      `Invalid connection: ${fieldErrors
        .map(e => `${e.field} ${e.message}`)
        .join('; ')}`,
    );
    this.name = 'InputError';
  }
}

function refError(value: unknown, kinds: string[]): string | undefined {
  if (typeof value !== 'string' || !value) return 'is required';
  try {
    const ref = parseEntityRef(value);
    if (!kinds.includes(ref.kind.toLocaleLowerCase('en-US')))
      return `must be a ${kinds.join(' or ')} entity ref`;
  } catch {
    return 'is not an entity ref';
  }
  return undefined;
}

/**
 * Checks a create or update body and splits its `settings` into plain
 * settings and secrets, following the source's fields. On update, secrets
 * left out keep their stored values (the API never sends them back).
 */
export function readConnectionInput(
  body: any,
  sources: Map<string, DiscoverySource>,
  existing?: {
    connection: StoredConnection;
    credentials: Record<string, string>;
  },
): ConnectionInput {
  const errors: FieldError[] = [];
  const b = body && typeof body === 'object' ? body : {};
  const type = existing?.connection.type ?? b.type;
  const source = typeof type === 'string' ? sources.get(type) : undefined;
  if (existing && b.type !== undefined && b.type !== existing.connection.type) {
    errors.push({ field: 'type', message: 'cannot change' });
  }
  if (!source) {
    errors.push({
      field: 'type',
      message: `must be one of: ${
        [...sources.keys()].join(', ') || '(none installed)'
      }`,
    });
  }
  if (typeof b.title !== 'string' || !b.title.trim()) {
    errors.push({ field: 'title', message: 'is required' });
  }
  const datacenterError = refError(b.datacenter, ['datacenter']);
  if (datacenterError)
    errors.push({ field: 'datacenter', message: datacenterError });
  if (b.owner !== undefined && b.owner !== null) {
    const ownerError = refError(b.owner, ['user', 'group']);
    if (ownerError) errors.push({ field: 'owner', message: ownerError });
  }
  let accessTemplate: MaestroAccessEntry[] | undefined;
  if (b.accessTemplate !== undefined && b.accessTemplate !== null) {
    const access = accessInputErrors(
      { entries: b.accessTemplate },
      'accessTemplate',
    );
    errors.push(...access.problems);
    accessTemplate = access.input.entries;
  }
  const given =
    b.settings && typeof b.settings === 'object' && !Array.isArray(b.settings)
      ? (b.settings as Record<string, unknown>)
      : undefined;
  if (b.settings !== undefined && !given) {
    errors.push({ field: 'settings', message: 'must be an object' });
  }
  const settings: Record<string, string> = {};
  const credentials: Record<string, string> = { ...existing?.credentials };
  if (source) {
    const fields = new Map(source.fields.map(f => [f.name, f]));
    for (const [name, value] of Object.entries(given ?? {})) {
      const field = fields.get(name);
      if (!field) {
        errors.push({
          field: `settings.${name}`,
          message: 'is not a field of this connection type',
        });
      } else if (
        value !== undefined &&
        value !== null &&
        typeof value !== 'string'
      ) {
        errors.push({ field: `settings.${name}`, message: 'must be a string' });
      } else if (value) {
        (field.secret ? credentials : settings)[name] = value as string;
      } else if (field.secret) {
        delete credentials[name];
      }
    }
    for (const field of source.fields) {
      const value = field.secret
        ? credentials[field.name]
        : settings[field.name];
      if (
        field.required &&
        !value &&
        !errors.some(e => e.field === `settings.${field.name}`)
      ) {
        errors.push({
          field: `settings.${field.name}`,
          message: 'is required',
        });
      }
    }
    if (!errors.length) {
      errors.push(
        ...(source.validate?.({ settings, credentials }) ?? []).map(e => ({
          field: `settings.${e.field}`,
          message: e.message,
        })),
      );
    }
  }
  if (errors.length) throw new ConnectionInputError(errors);
  return {
    title: b.title.trim(),
    type,
    datacenter: b.datacenter,
    owner: b.owner ?? undefined,
    accessTemplate,
    settings,
    credentials,
  };
}
