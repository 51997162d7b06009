import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AddressInfo } from 'node:net';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { ConfigSources, FileConfigSource } from '@backstage/config-loader';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import notificationsPlugin from '@backstage/plugin-notifications-backend';
import notificationsModuleEmail from '@backstage/plugin-notifications-backend-module-email';
import maestroPlugin from '@maestro/plugin-maestro-backend';
import { TestMailServer } from './__testUtils__/TestMailServer';

jest.setTimeout(60_000);

const ADA = 'user:default/ada';
const ADA_EMAIL = 'ada@example.com';
const SENDER = 'maestro@example.com';
const SMTP_USERNAME = 'maestro-mailer';
const SMTP_PASSWORD = 'correct horse battery staple';
const APP_BASE_URL = 'https://maestro.example.com';
const REPORT_NAME = 'Mail relay servers';

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
 * variables set as a deployment sets them: the test sends mail through
 * the configuration the portal runs with.
 */
async function productionNotificationsConfig(env: Record<string, string>) {
  const config = await ConfigSources.toConfig(
    FileConfigSource.create({
      path: path.resolve(__dirname, '../../../../app-config.production.yaml'),
      watch: false,
      substitutionFunc: async name => env[name],
    }),
  );
  try {
    return config.get('notifications');
  } finally {
    config.close();
  }
}

/** Polls until the condition holds: the catalog and email go in the background. */
async function waitUntil(
  what: string,
  condition: () => boolean | Promise<boolean>,
  timeoutMs = 30_000,
) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting ${what}`);
    await new Promise(resolve => setTimeout(resolve, 100));
  }
}

/** The text part with quoted-printable soft line breaks joined again. */
function unwrapped(raw: string) {
  return raw.replace(/=\r?\n/g, '');
}

describe('Maestro notifications by email over SMTP', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'notifications-email-'));
  let mailServer: TestMailServer;
  let stopBackend: () => Promise<void>;
  let port: number;
  let reportId: string;

  /** A request as ada; answers status and parsed body. */
  const asAda = async (method: string, url: string, body?: unknown) => {
    const response = await fetch(`http://localhost:${port}/api${url}`, {
      method,
      headers: {
        authorization: mockCredentials.user.header(ADA),
        'content-type': 'application/json',
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : {} };
  };
  const ok = async (method: string, url: string, body?: unknown) => {
    const response = await asAda(method, url, body);
    if (response.status >= 300) {
      throw new Error(
        `${method} ${url}: ${response.status} ${JSON.stringify(response.body)}`,
      );
    }
    return response.body;
  };

  beforeAll(async () => {
    mailServer = await TestMailServer.start({
      username: SMTP_USERNAME,
      password: SMTP_PASSWORD,
    });
    const users = path.join(dir, 'users.yaml');
    fs.writeFileSync(users, USERS_YAML);
    const notifications = await productionNotificationsConfig({
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(mailServer.port),
      SMTP_SECURE: 'false',
      // The test server offers no STARTTLS (see TestMailServer).
      SMTP_REQUIRE_TLS: 'false',
      SMTP_USERNAME,
      SMTP_PASSWORD,
      SMTP_SENDER: SENDER,
    });
    const backend = await startTestBackend({
      features: [
        catalogPlugin,
        notificationsPlugin,
        notificationsModuleEmail,
        maestroPlugin,
        // Errors reach the console, where the last test reads them.
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
    stopBackend = () => backend.stop();
    port = (backend.server.address() as AddressInfo).port;

    // The email module looks ada's address up once and keeps the answer:
    // she must be in the catalog before the first notification.
    await waitUntil(
      'for the catalog to hold ada',
      async () =>
        (
          await asAda('GET', '/catalog/entities/by-name/user/default/ada')
        ).status === 200,
    );
    await ok('POST', '/maestro/entities/servers', {
      kind: 'Server',
      metadata: { name: 'mail-relay', title: 'Mail relay' },
      spec: { hostname: 'mail-relay' },
    });
    reportId = (
      await ok('POST', '/maestro/reports', {
        name: REPORT_NAME,
        query: { type: 'general', kind: 'servers', filters: [] },
      })
    ).id;
  });

  afterAll(async () => {
    await stopBackend?.();
    await mailServer?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('emails the author of a report that finished, signed in to the SMTP server', async () => {
    const run = await ok('POST', `/maestro/reports/${reportId}/run`);
    expect(run).toMatchObject({ status: 'finished', rowCount: 1 });

    await waitUntil('for the email', () => mailServer.mails.length > 0);
    // Nothing else follows: one report run, one email.
    await new Promise(resolve => setTimeout(resolve, 500));
    expect(mailServer.mails).toHaveLength(1);
    const [mail] = mailServer.mails;

    expect(mail.rcptTo).toEqual([ADA_EMAIL]);
    expect(mail.mailFrom).toBe(SENDER);
    expect(mail.headers.to).toBe(ADA_EMAIL);
    expect(mail.headers.from).toBe(SENDER);
    expect(mail.headers.subject).toBe(`Report ${REPORT_NAME}: 1 rows`);
    // The link leads to the report in the portal.
    expect(unwrapped(mail.raw)).toContain(
      `${APP_BASE_URL}/maestro/reports/${reportId}`,
    );

    // The configured credentials went over AUTH, and the message came in
    // under them.
    expect(mailServer.logins).toEqual([
      expect.objectContaining({
        username: SMTP_USERNAME,
        password: SMTP_PASSWORD,
        accepted: true,
      }),
    ]);
    expect(mail.user).toBe(SMTP_USERNAME);
  });

  it('still runs the report when the SMTP server refuses the password, and logs why without it', async () => {
    const errors: string[] = [];
    const consoleError = jest
      .spyOn(console, 'error')
      .mockImplementation((...args: unknown[]) => {
        errors.push(args.map(String).join(' '));
      });
    try {
      // The server's password was changed; the portal's is now wrong.
      mailServer.changePassword('rotated since');
      const mailsBefore = mailServer.mails.length;
      const loginsBefore = mailServer.logins.length;

      const run = await ok('POST', `/maestro/reports/${reportId}/run`);
      expect(run).toMatchObject({ status: 'finished', rowCount: 1 });

      const failure = () =>
        errors.find(e => e.includes(`Failed to send email to ${ADA_EMAIL}`));
      await waitUntil('for the email module to log the failure', () =>
        Boolean(failure()),
      );
      expect(failure()).toMatch(/535|Invalid login/);
      expect(mailServer.logins.slice(loginsBefore)).toEqual([
        expect.objectContaining({
          username: SMTP_USERNAME,
          password: SMTP_PASSWORD,
          accepted: false,
        }),
      ]);
      expect(mailServer.mails).toHaveLength(mailsBefore);
      // The secret stays out of the logs.
      expect(errors.join('\n')).not.toContain(SMTP_PASSWORD);

      // Only the email failed: ada finds the notification in the portal.
      const { notifications } = await ok('GET', '/notifications');
      expect(
        notifications.filter(
          (n: { payload: { title: string } }) =>
            n.payload.title === `Report ${REPORT_NAME}: 1 rows`,
        ),
      ).toHaveLength(2);
    } finally {
      consoleError.mockRestore();
    }
  });
});
