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

const ENTRY = 'resource:default/lb-client-maestro-prd';
const OPENED = 'component:default/webserver-maestro';

describe('Maestro Analytics in a browser', () => {
  const portal = new PortalProcess();
  let browser: Browser;

  beforeAll(async () => {
    buildFrontend();
    await portal.start();
    browser = await launchChromium();
    // The node we open must be in the catalog; the store is read directly.
    await portal.waitFor(
      async () =>
        Boolean(
          await portal.api(
            '/api/catalog/entities/by-name/component/default/webserver-maestro',
          ),
        ),
      300_000,
      'the catalog to hold the demo applications',
    );
  });

  afterAll(async () => {
    await browser?.close();
    await portal.stop();
    portal.cleanUp();
  });

  it('creates a graph from lb-client-maestro-prd, draws it, opens a node, exports SVG and shares it publicly', async () => {
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

    await page.goto(`${portal.baseUrl}/maestro/analytics`);
    await page.getByRole('button', { name: 'New graph' }).click();
    await page.getByLabel('Graph name').fill('Maestro Server - Architecture');
    await page.getByLabel('Application').fill('lb-client-maestro');
    await page
      .getByRole('option', { name: /lb-client-maestro-prd/ })
      .first()
      .click();
    await page.getByRole('button', { name: 'Save' }).click();

    // Laid out by ELK in its Web Worker: 16 applications, 29 dependencies.
    await page.waitForURL(/\/maestro\/analytics\/graphs\//);
    const nodes = page.getByTestId('graph-node');
    await page.waitForFunction(
      () =>
        document.querySelectorAll('[data-testid="graph-node"]').length === 16,
      undefined,
      { timeout: 60_000 },
    );
    expect(await nodes.count()).toBe(16);
    expect(await page.getByTestId('graph-edge').count()).toBe(29);
    expect(await page.getByTestId('depth-histogram').textContent()).toBe(
      '1 · 1 · 2 · 2 · 3 · 2 · 3 · 2',
    );
    expect(
      await page
        .locator(`[data-testid="graph-node"][data-ref="${ENTRY}"]`)
        .count(),
    ).toBe(1);
    const workers = page.workers().map(w => w.url());
    expect(workers.some(url => /elk-worker|\.js/.test(url))).toBe(true);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export SVG' }).click(),
    ]);
    const svg = fs.readFileSync((await download.path())!, 'utf8');
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg.match(/<g class="node"/g)).toHaveLength(16);

    await page.getByRole('button', { name: 'Create public link' }).click();
    const publicUrl = await page.getByTestId('public-link').inputValue();
    expect(publicUrl).toMatch(/\/api\/maestro\/public\/graphs\//);

    await page
      .locator(`[data-testid="graph-node"][data-ref="${OPENED}"]`)
      .click();
    await page.waitForURL(/\/catalog\/default\/component\/webserver-maestro/);
    await page.getByText('WebServer Maestro').first().waitFor();
    expect(pageErrors).toEqual([]);
    await context.close();

    // A fresh browser context: no sign-in, no cookies, no token.
    const stranger = await browser.newContext();
    const publicPage = await stranger.newPage();
    const response = await publicPage.goto(publicUrl);
    expect(response?.status()).toBe(200);
    await publicPage
      .getByRole('heading', { name: 'Maestro Server - Architecture' })
      .waitFor();
    expect(await publicPage.locator('g.node').count()).toBe(16);
    expect(await publicPage.locator('g.edge').count()).toBe(29);
    expect(
      await publicPage.getByRole('button', { name: /enter/i }).count(),
    ).toBe(0);
    await stranger.close();
  });
});
