import { TestMailServer } from './__testUtils__/TestMailServer';
import {
  ADA_EMAIL,
  APP_BASE_URL,
  EmailPortal,
  SENDER,
  SMTP_PASSWORD,
  SMTP_USERNAME,
  captureConsoleErrors,
  startMailAndPortal,
  waitUntil,
} from './__testUtils__/emailPortal';

jest.setTimeout(60_000);

const REPORT_NAME = 'Mail relay servers';

/** The text part with quoted-printable soft line breaks joined again. */
function unwrapped(raw: string) {
  return raw.replace(/=\r?\n/g, '');
}

describe('Maestro notifications by email over SMTP', () => {
  let mailServer: TestMailServer;
  let portal: EmailPortal;
  let reportId: string;

  beforeAll(async () => {
    // Plain SMTP with AUTH; emailTls.test.ts covers STARTTLS and TLS.
    ({ mailServer, portal } = await startMailAndPortal('none', {
      secure: false,
      requireTls: false,
      ignoreTlsErrors: false,
    }));
    reportId = await portal.createReport(REPORT_NAME);
  });

  afterAll(async () => {
    await portal?.stop();
    await mailServer?.stop();
  });

  it('emails the author of a report that finished, signed in to the SMTP server', async () => {
    const run = await portal.ok('POST', `/maestro/reports/${reportId}/run`);
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
    const { errors, restore } = captureConsoleErrors();
    try {
      // The server's password was changed; the portal's is now wrong.
      mailServer.changePassword('rotated since');
      const mailsBefore = mailServer.mails.length;
      const loginsBefore = mailServer.logins.length;

      const run = await portal.ok('POST', `/maestro/reports/${reportId}/run`);
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
      const { notifications } = await portal.ok('GET', '/notifications');
      expect(
        notifications.filter(
          (n: { payload: { title: string } }) =>
            n.payload.title === `Report ${REPORT_NAME}: 1 rows`,
        ),
      ).toHaveLength(2);
    } finally {
      restore();
    }
  });
});
