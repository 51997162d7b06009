import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AddressInfo } from 'node:net';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { ConfigSources, FileConfigSource } from '@backstage/config-loader';
import { JsonObject } from '@backstage/types';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import notificationsPlugin from '@backstage/plugin-notifications-backend';
import notificationsModuleEmail from '@backstage/plugin-notifications-backend-module-email';
import maestroPlugin from '@maestro/plugin-maestro-backend';
import { TestMailServer, TestMailTls } from './TestMailServer';
import { portalRequests, waitUntil } from '../../__testUtils__/portalRequests';

export { waitUntil };

export const ADA = 'user:default/ada';
export const ADA_EMAIL = 'ada@example.com';
export const SENDER = 'maestro@example.com';
export const APP_BASE_URL = 'https://maestro.example.com';
export const SMTP_USERNAME = 'maestro-mailer';
export const SMTP_PASSWORD = 'correct horse battery staple';

/** ada, as the portal's directory gives her: the email module reads her address here. */
const USERS_YAML = `
apiVersion: backstage.io/v1alpha1
kind: User
metadata:
  name: ada
spec:
  profile:
    displayName: Ada Lovelace
    email: ${ADA_EMAIL}
  memberOf: []
`;

/**
 * The `notifications` section of app-config.production.yaml, its SMTP
 * variables set as a deployment sets them: the tests send mail through
 * the configuration the portal runs with.
 */
export async function productionNotificationsConfig(
  env: Record<string, string>,
) {
  const config = await ConfigSources.toConfig(
    FileConfigSource.create({
      path: path.resolve(
        __dirname,
        '../../../../../app-config.production.yaml',
      ),
      watch: false,
      substitutionFunc: async name => env[name],
    }),
  );
  try {
    return config.get<JsonObject>('notifications');
  } finally {
    config.close();
  }
}

/** A running portal backend that emails through the given configuration. */
export interface EmailPortal {
  /** A request as ada; answers status and parsed body. */
  asAda(
    method: string,
    url: string,
    body?: unknown,
  ): Promise<{ status: number; body: any }>;
  /** As asAda, throwing on a status of 300 and above. */
  ok(method: string, url: string, body?: unknown): Promise<any>;
  /** Creates a server and a report on it, as ada; answers the report id. */
  createReport(name: string): Promise<string>;
  stop(): Promise<void>;
}

/**
 * Starts the catalog (holding ada), notifications with the email module,
 * and Maestro, and waits until the catalog holds ada: the email module
 * looks her address up once and keeps the answer.
 */
export async function startEmailPortal(
  notifications: JsonObject,
): Promise<EmailPortal> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'notifications-email-'));
  const users = path.join(dir, 'users.yaml');
  fs.writeFileSync(users, USERS_YAML);
  const backend = await startTestBackend({
    features: [
      catalogPlugin,
      notificationsPlugin,
      notificationsModuleEmail,
      maestroPlugin,
      // Errors reach the console, where tests read them.
      mockServices.rootLogger.factory({ level: 'error' }),
      mockServices.rootConfig.factory({
        data: {
          app: { baseUrl: APP_BASE_URL },
          catalog: {
            locations: [{ type: 'file', target: users }],
            rules: [{ allow: ['User', 'Location'] }],
          },
          notifications,
        },
      }),
    ],
  });
  const port = (backend.server.address() as AddressInfo).port;

  const requests = portalRequests(port);
  const asAda: EmailPortal['asAda'] = (method, url, body) =>
    requests.as(ADA, method, url, body);
  const ok: EmailPortal['ok'] = (method, url, body) =>
    requests.ok(ADA, method, url, body);

  await waitUntil(
    'for the catalog to hold ada',
    async () =>
      (
        await asAda('GET', '/catalog/entities/by-name/user/default/ada')
      ).status === 200,
  );
  return {
    asAda,
    ok,
    async createReport(name) {
      await ok('POST', '/maestro/entities/servers', {
        kind: 'Server',
        metadata: { name: 'mail-relay', title: 'Mail relay' },
        spec: { hostname: 'mail-relay' },
      });
      const report = await ok('POST', '/maestro/reports', {
        name,
        query: { type: 'general', kind: 'servers', filters: [] },
      });
      return report.id;
    },
    async stop() {
      await backend.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Collects what is written to console.error until restored. */
export function captureConsoleErrors() {
  const errors: string[] = [];
  const spy = jest
    .spyOn(console, 'error')
    .mockImplementation((...args: unknown[]) => {
      errors.push(args.map(String).join(' '));
    });
  return { errors, restore: () => spy.mockRestore() };
}

/**
 * A mail server speaking TLS as told (with a fresh self-signed certificate)
 * and a portal whose production config points at it with the given switches.
 */
export async function startMailAndPortal(
  tls: TestMailTls,
  env: { secure: boolean; requireTls: boolean; ignoreTlsErrors: boolean },
) {
  const mailServer = await TestMailServer.start({
    username: SMTP_USERNAME,
    password: SMTP_PASSWORD,
    tls,
  });
  const portal = await startEmailPortal(
    await productionNotificationsConfig({
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(mailServer.port),
      SMTP_SECURE: String(env.secure),
      SMTP_REQUIRE_TLS: String(env.requireTls),
      SMTP_IGNORE_TLS_ERRORS: String(env.ignoreTlsErrors),
      SMTP_USERNAME,
      SMTP_PASSWORD,
      SMTP_SENDER: SENDER,
    }),
  );
  return { mailServer, portal };
}
