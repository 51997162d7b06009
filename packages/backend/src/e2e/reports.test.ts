/**
 * @jest-environment node
 */
import fs from 'fs';
import { Browser } from 'playwright-core';
import {
  PortalProcess,
  buildFrontend,
  launchChromium,
} from './__testUtils__/portalProcess';

jest.setTimeout(600_000);

/** RFC 4180 parser, enough to read the export back. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += ch;
  }
  return rows;
}

describe('Maestro Reports in a browser', () => {
  const portal = new PortalProcess();
  let browser: Browser;

  beforeAll(async () => {
    buildFrontend();
    await portal.start();
    browser = await launchChromium();
    // Reports read the Maestro store, which the demo fills on first start.
    await portal.waitFor(
      async () =>
        (await portal.api('/api/maestro/entities/servers?limit=1')).totalCount >
        0,
      300_000,
      'the demo inventory in the store',
    );
  });

  afterAll(async () => {
    await browser?.close();
    await portal.stop();
    portal.cleanUp();
  });

  it('builds a pivot report, shows its charts and table, and exports CSV', async () => {
    const context = await browser.newContext({
      viewport: { width: 1500, height: 1100 },
      acceptDownloads: true,
    });
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', e => pageErrors.push(String(e)));
    await page.goto(portal.baseUrl);
    const enter = page.getByRole('button', { name: /enter/i });
    await enter.click();
    await enter.waitFor({ state: 'detached' });

    await page.goto(`${portal.baseUrl}/maestro/reports`);
    await page.getByRole('button', { name: 'New report' }).click();
    await page.getByLabel('Report name').fill('Web servers by system');
    await page.getByLabel('Pivot').check();
    // systems -> applications -> servers: clients left out.
    await page.getByLabel('Include clients').uncheck();
    await page.getByRole('button', { name: 'Add servers filter' }).click();
    await page
      .getByRole('button', { name: /^Operator/ })
      .first()
      .click();
    await page.getByRole('option', { name: 'contains', exact: true }).click();
    await page.getByLabel('servers filter 1 value').fill('web');
    await page.getByRole('button', { name: 'Generate' }).click();

    await page.waitForURL(/\/maestro\/reports\/[0-9a-f-]{36}$/);
    const id = page.url().split('/').pop()!;
    const report = await portal.api(`/api/maestro/reports/${id}`);
    expect(report).toMatchObject({ type: 'pivot', status: 'finished' });
    expect(report.query.levels.map((l: any) => l.level)).toEqual([
      'systems',
      'applications',
      'servers',
    ]);
    expect(report.rowCount).toBeGreaterThan(0);

    // Charts: drawn by recharts as SVG.
    const chart = page.getByTestId('chart-servers.environment');
    await chart.waitFor();
    await chart.locator('svg.recharts-surface').first().waitFor();

    // Table: the rows of the pivot, every level's columns.
    await page.getByRole('tab', { name: 'Table' }).click();
    await page.getByText('servers.spec.hostname').first().waitFor();
    // The table's first page, as the API serves it unsorted.
    const rows = await portal.api(`/api/maestro/reports/${id}/rows?limit=20`);
    await page
      .getByText(rows.items[0]['servers.spec.hostname'], { exact: true })
      .first()
      .waitFor();

    // CSV export: the whole result, nested fields flattened.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('Web-servers-by-system.csv');
    const lines = parseCsv(fs.readFileSync((await download.path())!, 'utf8'));
    const header = lines[0];
    expect(header).toEqual(
      expect.arrayContaining([
        'systems.entityRef',
        'applications.entityRef',
        'servers.spec.hostname',
        'servers.spec.os.base',
      ]),
    );
    expect(lines).toHaveLength(report.rowCount + 1);
    const hostname = header.indexOf('servers.spec.hostname');
    for (const line of lines.slice(1)) {
      expect(line[hostname].toLowerCase()).toContain('web');
    }

    await page.getByRole('tab', { name: 'Info' }).click();
    await page.getByText('systems → applications → servers').waitFor();
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
