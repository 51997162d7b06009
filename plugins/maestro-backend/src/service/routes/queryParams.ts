import { InputError } from '@backstage/errors';
import { RecordQuery } from '@maestro/plugin-maestro-common';
import { Request } from 'express';

function single(value: unknown, name: string): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string')
    throw new InputError(`Query parameter '${name}' must be given once`);
  return value;
}

function integer(value: unknown, name: string): number | undefined {
  const text = single(value, name);
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text))
    throw new InputError(
      `Query parameter '${name}' must be a non-negative integer`,
    );
  return Number(text);
}

/** Reads `filter.<path>`, `search`, `sort`, `order`, `offset`, `limit`. */
export function readRecordQuery(req: Request): RecordQuery {
  const filter: Record<string, string> = {};
  for (const [key, value] of Object.entries(req.query)) {
    if (key.startsWith('filter.'))
      filter[key.slice('filter.'.length)] = single(value, key)!;
  }
  const order = single(req.query.order, 'order');
  if (order !== undefined && order !== 'asc' && order !== 'desc') {
    throw new InputError(`Query parameter 'order' must be asc or desc`);
  }
  const inactive = single(req.query.includeInactive, 'includeInactive');
  return {
    filter,
    search: single(req.query.search, 'search'),
    sort: single(req.query.sort, 'sort'),
    order,
    offset: integer(req.query.offset, 'offset'),
    limit: integer(req.query.limit, 'limit'),
    includeInactive: inactive === undefined ? undefined : inactive === 'true',
  };
}
