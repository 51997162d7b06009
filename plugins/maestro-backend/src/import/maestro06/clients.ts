import {
  ClientEntity,
  MAESTRO_API_VERSION,
} from '@maestro/plugin-maestro-common';
import { ImportContext } from './context';
import {
  DocumentReader,
  compact,
  documentsOf,
  isPlainObject,
} from './documents';

const FILE = 'clients.json';

/** clients.json -> Client entities with their contacts ({channel, value}). */
export function translateClients(
  ctx: ImportContext,
  files: Record<string, unknown>,
) {
  for (const { doc, index } of documentsOf(ctx, files, FILE) ?? []) {
    const r = new DocumentReader(ctx, FILE, index, doc);
    const title = r.string('name', true);
    if (!title) continue;
    const contacts: Array<{ channel: string; value: string }> = [];
    (r.list('contacts') ?? []).forEach((contact, i) => {
      const { channel, value } = isPlainObject(contact)
        ? contact
        : ({} as Record<string, unknown>);
      if (
        typeof channel === 'string' &&
        channel &&
        typeof value === 'string' &&
        value
      ) {
        contacts.push({ channel, value });
      } else {
        r.error(`contacts[${i}]`, 'must have a channel and a value');
      }
    });
    const entity: ClientEntity = {
      apiVersion: MAESTRO_API_VERSION,
      kind: 'Client',
      metadata: { name: ctx.names.claim('Client', title), title },
      spec: compact({ contacts, tags: r.tags() }),
    };
    ctx.names.register('clients', title, ctx.emit(entity, FILE, index));
  }
}
