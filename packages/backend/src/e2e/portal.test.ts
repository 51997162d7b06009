/**
 * @jest-environment node
 */
import fs from 'fs';
import { Browser, chromium } from 'playwright-core';
import { PortalProcess, buildFrontend } from './__testUtils__/portalProcess';

const CHROMIUM = '/usr/bin/chromium';
// A demo server (Maestro 0.6's first one: a load balancer host).
const SERVER_REF = 'server:default/i-f8b24bd0f5dd6518b';

jest.setTimeout(600_000);

describe('Maestro portal in a browser', () => {
  const portal = new PortalProcess();
  let browser: Browser;

  beforeAll(async () => {
    if (!fs.existsSync(CHROMIUM)) {
      throw new Error(`${CHROMIUM} is missing: apt-get install chromium`);
    }
    buildFrontend();
    await portal.start();
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  });

  afterAll(async () => {
    await browser?.close();
    await portal.stop();
    portal.cleanUp();
  });

  it('loads the demo inventory into the catalog on first start', async () => {
    await portal.waitFor(
      async () => {
        const r = await portal.api(
          '/api/catalog/entities/by-query?filter=kind=server&limit=1',
        );
        return r.totalItems === 279;
      },
      300_000,
      'the catalog to serve the 279 demo servers',
    );
    const kinds = await portal.api('/api/maestro/kinds');
    const count = (kind: string) =>
      kinds.items.find((k: any) => k.kind === kind).count;
    expect(count('Datacenter')).toBe(5);
    expect(count('Server')).toBe(279);
    expect(count('Component') + count('Resource')).toBe(54);
    expect(count('System')).toBe(13);
    expect(count('Client')).toBe(3);
  });

  it('shows a demo server with its datacenter, applications and history to a guest', async () => {
    const record = await portal.api(
      `/api/maestro/records/by-ref?ref=${SERVER_REF}`,
    );
    const datacenter = await portal.api(
      `/api/maestro/records/by-ref?ref=${record.entity.spec.datacenter.ref}`,
    );
    const catalogServer = await portal.api(
      `/api/catalog/entities/by-name/server/default/${record.entity.metadata.name}`,
    );
    const appRefs: string[] = catalogServer.relations
      .filter((r: any) => r.type === 'hosts')
      .map((r: any) => r.targetRef);
    expect(appRefs.length).toBeGreaterThan(0);
    const appTitles = await Promise.all(
      appRefs.map(
        async ref =>
          (
            await portal.api(`/api/maestro/records/by-ref?ref=${ref}`)
          ).entity.metadata.title,
      ),
    );

    const page = await browser.newPage({
      viewport: { width: 1400, height: 1000 },
    });
    await page.goto(portal.baseUrl);
    const enter = page.getByRole('button', { name: /enter/i });
    await enter.click();
    await enter.waitFor({ state: 'detached' });
    // The catalog is the landing page; pick the Server kind and open the server.
    await page.goto(
      `${portal.baseUrl}/?filters%5Bkind%5D=server&filters%5Buser%5D=all`,
    );
    await page.getByText('Private IP').first().waitFor();
    await page
      .getByPlaceholder('Search')
      .first()
      .fill(record.entity.metadata.title);
    await page
      .getByRole('link', { name: record.entity.metadata.title })
      .first()
      .click();

    await page.getByText('Maestro details').waitFor();
    const shows = (text: string | RegExp) =>
      page.getByText(text).first().waitFor({ timeout: 30_000 });
    await shows(record.entity.spec.ipv4Private);
    await shows(datacenter.entity.metadata.title);
    for (const title of appTitles) await shows(title);
    await shows('History');
    await shows(/#1\s*create/);
    await shows(/import:maestro-0\.6/);
    await page.close();
  });

  it("switches to Maestro's dark theme, which stays after a reload", async () => {
    const page = await browser.newPage({
      viewport: { width: 1400, height: 1000 },
    });
    await page.goto(portal.baseUrl);
    // A new page may or may not still hold the guest session.
    const enter = page.getByRole('button', { name: /enter/i });
    const sidebar = page.locator('[data-testid="sidebar-root"]');
    await enter.or(sidebar).first().waitFor({ state: 'attached' });
    if (await enter.isVisible()) {
      await enter.click();
      await enter.waitFor({ state: 'detached' });
    }
    await page.goto(`${portal.baseUrl}/settings`);
    // The sidebar's drawer wears the theme's navigation colour.
    const sidebarColour = () =>
      page.evaluate(() => {
        const root = document.querySelector('[data-testid="sidebar-root"]');
        for (const el of root ? [root, ...root.querySelectorAll('*')] : []) {
          const colour = getComputedStyle(el).backgroundColor;
          if (colour !== 'rgba(0, 0, 0, 0)') return colour;
        }
        return undefined;
      });
    // The root is a zero-height box around the fixed drawer: attached, not visible.
    await sidebar.waitFor({ state: 'attached' });
    await page.getByRole('button', { name: /Maestro Dark/ }).waitFor();
    const before = await sidebarColour();
    await page.getByRole('button', { name: /Maestro Dark/ }).click();
    // maestroPalettes.ts: the dark theme's navigation is #121212.
    await portal.waitFor(
      async () => (await sidebarColour()) === 'rgb(18, 18, 18)',
      10_000,
      'the sidebar to turn dark',
    );
    expect(before).not.toBe('rgb(18, 18, 18)');
    await page.reload();
    await sidebar.waitFor({ state: 'attached' });
    await page.getByRole('button', { name: /Maestro Dark/ }).waitFor();
    expect(await sidebarColour()).toBe('rgb(18, 18, 18)');
    await page.close();
  });

  it('keeps every record across a restart, without importing again', async () => {
    const before = await portal.api('/api/maestro/kinds');
    await portal.stop();
    await portal.start();
    const after = await portal.api('/api/maestro/kinds');
    expect(after.items).toEqual(before.items);
    const history = await portal.api(
      `/api/maestro/records/by-ref/history?ref=${SERVER_REF}`,
    );
    expect(history.items).toHaveLength(1);
  });
});
