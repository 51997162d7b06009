/** The PostgreSQL server the test command points at, e.g. postgresql://postgres@127.0.0.1:5432. */
export function postgresConnection(connectionString: string) {
  const url = new URL(connectionString);
  return {
    host: url.hostname,
    port: Number(url.port || 5432),
    user: decodeURIComponent(url.username || 'postgres'),
    ...(url.password ? { password: decodeURIComponent(url.password) } : {}),
  };
}

/**
 * Configuration both replicas share: the Maestro plugin's database is the
 * one test database (not a database per plugin), the webhook target on
 * 127.0.0.1 is allowed, and one static token lets the test call each
 * replica as a service.
 */
export function replicaConfig(opts: {
  connectionString: string;
  database: string;
  port: number;
  token: string;
}) {
  return {
    backend: {
      baseUrl: `http://127.0.0.1:${opts.port}`,
      listen: { host: '127.0.0.1', port: opts.port },
      database: {
        client: 'pg',
        connection: postgresConnection(opts.connectionString),
        ensureExists: false,
        plugin: { maestro: { connection: { database: opts.database } } },
      },
      auth: {
        externalAccess: [
          {
            type: 'static',
            options: { token: opts.token, subject: 'replica-test' },
          },
        ],
      },
    },
    maestro: {
      demo: { enabled: false },
      discovery: {
        encryptionKey: 'replica-test-encryption-key',
        connectionCheckSeconds: 2,
      },
      jobs: { webhooks: { allow: ['127.0.0.1'] } },
    },
  };
}
