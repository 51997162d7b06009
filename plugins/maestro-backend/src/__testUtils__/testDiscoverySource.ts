import { Entity } from '@backstage/catalog-model';
import {
  DiscoveryProviderError,
  DiscoverySource,
  DiscoveryTaskContext,
} from '@maestro/plugin-maestro-node';

/** A server as a discovery source would hand it over. */
export function discoveredServer(
  id: string,
  extra: Record<string, unknown> = {},
): Entity {
  return {
    apiVersion: 'maestroserver.io/v1alpha1',
    kind: 'Server',
    metadata: { name: id, title: `host-${id}` },
    spec: { hostname: `host-${id}`, uniqueId: id, status: 'Active', ...extra },
  };
}

/**
 * A programmable source for engine tests: each region lists the entities
 * tests put in `regions`, page by page; `failIn` makes a region fail after
 * its first page, as a provider failing mid-scan does.
 */
export class TestDiscoverySource implements DiscoverySource {
  type = 'test';
  title = 'Test cloud';
  regions = new Map<string, Entity[]>();
  failIn?: { region: string; error: Error };
  /** Called between pages; tests abort runs from here. */
  onPage?: (region: string, page: number) => void;
  pageSize = 2;
  fields = [
    { name: 'account', title: 'Account', required: true },
    { name: 'token', title: 'Token', secret: true, required: true },
  ];
  received: Array<Record<string, string>> = [];
  tasks = [
    {
      name: 'server-list',
      description: 'Servers',
      defaultInterval: { every: 5, period: 'minutes' as const },
      permissions: ['test:ListServers'],
      run: async (context: DiscoveryTaskContext) => {
        this.received.push(context.connection.credentials);
        for (const [region, entities] of this.regions) {
          for (
            let i = 0, page = 0;
            i < entities.length;
            i += this.pageSize, page++
          ) {
            this.onPage?.(region, page);
            if (context.signal.aborted) return;
            if (this.failIn?.region === region && page === 1)
              throw this.failIn.error;
            await context.emit(region, entities.slice(i, i + this.pageSize));
          }
          await context.complete(region);
        }
      },
    },
  ];
}

export const permissionError = () =>
  new DiscoveryProviderError({
    kind: 'permission',
    code: 'UnauthorizedOperation',
    message:
      'UnauthorizedOperation: You are not authorized to perform this operation.',
    permission: 'test:ListServers',
  });
