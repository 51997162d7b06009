import { MaestroRevision } from '@maestro/plugin-maestro-common';

const base = {
  recordId: 'rec-1',
  entityRef: 'server:default/i-0abc123',
};

/** Oldest first on purpose: the card must show them newest first. */
export const demoRevisions: MaestroRevision[] = [
  {
    ...base,
    id: 'rev-1',
    revision: 1,
    action: 'create',
    diff: [
      { path: 'spec.hostname', after: 'web-01.maestro.local' },
      { path: 'spec.cpu', after: 2 },
    ],
    actor: 'plugin:maestro',
    source: 'import:servers.json',
    createdAt: '2025-01-10T08:00:00.000Z',
  },
  {
    ...base,
    id: 'rev-2',
    revision: 2,
    action: 'update',
    diff: [
      { path: 'spec.cpu', before: 2, after: 4 },
      {
        path: 'spec.services',
        before: [{ name: 'Nginx', version: '1.18' }],
        after: [
          { name: 'Nginx', version: '1.24' },
          {
            name: 'node_exporter',
            version: '1.8.2',
            setup: { port: 9100, path: '/usr/local/bin' },
          },
        ],
      },
    ],
    actor: 'user:default/jdoe',
    source: 'ui',
    createdAt: '2025-01-12T09:30:00.000Z',
  },
];
