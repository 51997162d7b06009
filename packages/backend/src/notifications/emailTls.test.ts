import { TestMailServer } from './__testUtils__/TestMailServer';
import {
  ADA_EMAIL,
  EmailPortal,
  SMTP_USERNAME,
  captureConsoleErrors,
  startMailAndPortal as start,
  waitUntil,
} from './__testUtils__/emailPortal';

jest.setTimeout(60_000);

/** Runs a report of ada's: its end is what gets emailed to her. */
async function runReport(portal: EmailPortal, name: string) {
  const reportId = await portal.createReport(name);
  const run = await portal.ok('POST', `/maestro/reports/${reportId}/run`);
  expect(run).toMatchObject({ status: 'finished', rowCount: 1 });
}

describe('Maestro notifications by email over TLS', () => {
  let running: { mailServer: TestMailServer; portal: EmailPortal } | undefined;
  afterEach(async () => {
    await running?.portal.stop();
    await running?.mailServer.stop();
    running = undefined;
  });

  it('upgrades with STARTTLS when required, accepting a self-signed certificate when told to', async () => {
    running = await start('starttls', {
      secure: false,
      requireTls: true,
      ignoreTlsErrors: true,
    });
    const { mailServer, portal } = running;
    await runReport(portal, 'Over STARTTLS');

    await waitUntil('for the email', () => mailServer.mails.length > 0);
    const [mail] = mailServer.mails;
    expect(mail.rcptTo).toEqual([ADA_EMAIL]);
    expect(mail.headers.subject).toBe('Report Over STARTTLS: 1 rows');
    // The message and the password travelled inside TLS.
    expect(mail.secure).toBe(true);
    expect(mail.user).toBe(SMTP_USERNAME);
  });

  it('speaks TLS from the first byte with `secure`, accepting a self-signed certificate when told to', async () => {
    running = await start('implicit', {
      secure: true,
      requireTls: false,
      ignoreTlsErrors: true,
    });
    const { mailServer, portal } = running;
    await runReport(portal, 'Over TLS');

    await waitUntil('for the email', () => mailServer.mails.length > 0);
    expect(mailServer.mails).toEqual([
      expect.objectContaining({
        rcptTo: [ADA_EMAIL],
        secure: true,
        user: SMTP_USERNAME,
      }),
    ]);
  });

  it('checks the certificate by default: a self-signed one gets no mail and no password', async () => {
    const { errors, restore } = captureConsoleErrors();
    try {
      running = await start('implicit', {
        secure: true,
        requireTls: false,
        ignoreTlsErrors: false,
      });
      const { mailServer, portal } = running;
      await runReport(portal, 'Refused certificate');

      const failure = () =>
        errors.find(e => e.includes(`Failed to send email to ${ADA_EMAIL}`));
      await waitUntil('for the email module to log the failure', () =>
        Boolean(failure()),
      );
      expect(failure()).toMatch(/self[- ]signed certificate/i);
      expect(mailServer.mails).toEqual([]);
      expect(mailServer.logins).toEqual([]);
    } finally {
      restore();
    }
  });
});
