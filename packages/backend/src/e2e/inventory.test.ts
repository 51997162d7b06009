/**
 * @jest-environment node
 */
import { Browser, Locator, Page } from 'playwright-core';
import {
  PortalProcess,
  buildFrontend,
  launchChromium,
} from './__testUtils__/portalProcess';

const REGION = 'us-east-1 (N. Virginia)';

jest.setTimeout(900_000);

/** Types into a pick list (MUI Autocomplete) and picks the option. */
async function pick(
  scope: Locator,
  label: string,
  option: string,
  typed = option,
) {
  const input = scope.getByLabel(label, { exact: true });
  await input.click();
  await input.fill(typed);
  await scope
    .page()
    .getByRole('option', { name: option, exact: true })
    .first()
    .click();
}

async function fill(scope: Locator, label: string, value: string) {
  await scope.getByLabel(label, { exact: true }).fill(value);
}

async function tab(dialog: Locator, title: string) {
  await dialog.getByRole('tab', { name: new RegExp(`^${title}`) }).click();
}

async function save(page: Page, dialog: Locator) {
  await dialog.getByRole('button', { name: 'Save' }).click();
  await dialog.waitFor({ state: 'detached', timeout: 30_000 });
  await page.waitForTimeout(300);
}

describe('Maestro inventory in a browser', () => {
  const portal = new PortalProcess();
  let browser: Browser;
  let page: Page;

  const inventory = (section: string) =>
    page.goto(`${portal.baseUrl}/maestro/inventory/${section}`);
  const newRecord = async (title: string) => {
    await page
      .getByRole('button', { name: `New ${title}` })
      .first()
      .click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    return dialog;
  };
  const records = async (plural: string, filter: string) =>
    (await portal.api(`/api/maestro/entities/${plural}?${filter}`)).items;

  beforeAll(async () => {
    buildFrontend();
    await portal.start();
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    page.setDefaultTimeout(30_000);
    await page.goto(portal.baseUrl);
    const enter = page.getByRole('button', { name: /enter/i });
    await enter.click();
    await enter.waitFor({ state: 'detached' });
  });

  afterAll(async () => {
    await browser?.close();
    await portal.stop();
    portal.cleanUp();
  });

  it('opens the Inventory from the sidebar, with a tab per section', async () => {
    await page.goto(portal.baseUrl);
    const link = page.locator('a[href="/maestro/inventory"]').first();
    await link.waitFor();
    expect(await link.getAttribute('aria-label')).toBe('Inventory');
    await link.click();
    await page.waitForURL(/\/maestro\/inventory\/servers$/);
    const tabs = page.getByRole('tablist', { name: 'Inventory sections' });
    await tabs.getByRole('tab', { name: 'Flavors' }).waitFor();
    expect(await tabs.getByRole('tab').allTextContents()).toEqual([
      'Servers',
      'Applications',
      'Load Balancers',
      'Databases',
      'Systems',
      'Datacenters',
      'Clients',
      'Volumes',
      'Snapshots',
      'Images',
      'Networks',
      'Flavors',
    ]);
    await page.getByText(/Maestro Servers \(\d+\)/).waitFor();
  });

  it('creates a datacenter with regions and zones', async () => {
    await inventory('datacenters');
    const dialog = await newRecord('datacenter');
    await fill(dialog, 'Name', 'E2E Lab');
    await pick(dialog, 'Provider', 'AWS');
    await pick(dialog, 'Regions', REGION, 'us-east-1');
    await pick(dialog, 'Zones', 'us-east-1a');
    await pick(dialog, 'Zones', 'us-east-1b');
    await save(page, dialog);

    const [dc] = await records(
      'datacenters',
      'filter.metadata.title=E2E%20Lab',
    );
    expect(dc.entity.spec).toMatchObject({
      provider: 'AWS',
      regions: [REGION],
      zones: ['us-east-1a', 'us-east-1b'],
    });
    await page.getByRole('link', { name: 'E2E Lab' }).waitFor();
  });

  it('creates a server in it, with storage, auth and a service', async () => {
    await inventory('servers');
    const dialog = await newRecord('server');
    await fill(dialog, 'Hostname', 'e2e-web-01.lab');
    await fill(dialog, 'IPv4 private', '10.77.0.1');
    await fill(dialog, 'CPU', '2');
    await tab(dialog, 'Datacenter');
    await pick(dialog, 'Datacenter', 'E2E Lab', 'E2E');
    await pick(dialog, 'Region', REGION, 'us-east');
    await pick(dialog, 'Zone', 'us-east-1b');
    await tab(dialog, 'Storage');
    await dialog.getByRole('button', { name: 'Add storage' }).click();
    await fill(dialog, 'Mount path', '/dev/xvda');
    await fill(dialog, 'Size (GB)', '30');
    await dialog.getByLabel('Boot device').check();
    await tab(dialog, 'Auth');
    await dialog.getByRole('button', { name: 'Add auth' }).click();
    await pick(dialog, 'Auth type', 'PKI');
    await fill(dialog, 'Key name', 'lab.pem');
    await fill(dialog, 'Username', 'ubuntu');
    await tab(dialog, 'Services');
    await dialog.getByRole('button', { name: 'Add services' }).click();
    await pick(dialog, 'Service', 'Nginx');
    await fill(dialog, 'Version', '1.25');
    await save(page, dialog);

    const [server] = await records(
      'servers',
      'filter.spec.hostname=e2e-web-01.lab',
    );
    const [dc] = await records(
      'datacenters',
      'filter.metadata.title=E2E%20Lab',
    );
    expect(server.entity.spec).toMatchObject({
      hostname: 'e2e-web-01.lab',
      ipv4Private: '10.77.0.1',
      cpu: 2,
      datacenter: {
        ref: `datacenter:default/${dc.entity.metadata.name}`,
        provider: 'AWS',
        region: REGION,
        zone: 'us-east-1b',
      },
      storage: [{ name: '/dev/xvda', size: 30, root: true }],
      auth: [{ type: 'PKI', name: 'lab.pem', username: 'ubuntu' }],
      services: [{ name: 'Nginx', version: '1.25' }],
    });
  });

  it('creates an application depending on a database by a protocol', async () => {
    await inventory('databases');
    let dialog = await newRecord('database');
    await fill(dialog, 'Name', 'e2e-orders-db');
    await pick(dialog, 'Type', 'Relational');
    await save(page, dialog);

    await inventory('applications');
    dialog = await newRecord('application');
    await fill(dialog, 'Name', 'e2e-shop');
    await fill(dialog, 'Language', 'TypeScript');
    await tab(dialog, 'Dependencies');
    await dialog.getByRole('button', { name: 'Add dependencies' }).click();
    await pick(
      dialog,
      'Depends on (application or resource)',
      'e2e-orders-db',
      'e2e-orders',
    );
    await pick(dialog, 'Protocol', 'rest');
    await tab(dialog, 'Systems and servers');
    await pick(dialog, 'Servers', 'e2e-web-01.lab (10.77.0.1)', '10.77.0.1');
    await save(page, dialog);

    const [app] = await records(
      'applications',
      'filter.metadata.title=e2e-shop',
    );
    const [db] = await records(
      'resources',
      'filter.metadata.title=e2e-orders-db',
    );
    const [server] = await records(
      'servers',
      'filter.spec.hostname=e2e-web-01.lab',
    );
    expect(db.entity.spec).toMatchObject({
      family: 'Database',
      type: 'database',
    });
    expect(app.entity.spec).toMatchObject({
      language: 'TypeScript',
      servers: [`server:default/${server.entity.metadata.name}`],
      dependencies: [
        {
          target: `resource:default/${db.entity.metadata.name}`,
          protocol: 'rest',
        },
      ],
    });
  });

  it('filters the servers table by hostname, edits the server, and shows the history diff', async () => {
    await inventory('servers');
    await page
      .getByRole('searchbox', { name: 'filter data by Hostname' })
      .fill('e2e-web');
    await page.getByText('Maestro Servers (1)').waitFor();
    await page.getByRole('button', { name: 'Edit e2e-web-01.lab' }).click();
    const dialog = page.getByRole('dialog');
    await fill(dialog, 'CPU', '8');
    await save(page, dialog);

    const [server] = await records(
      'servers',
      'filter.spec.hostname=e2e-web-01.lab',
    );
    expect(server.entity.spec.cpu).toBe(8);
    expect(server.revision).toBe(2);

    // The catalog picks the server up from the store's change feed.
    const name = server.entity.metadata.name;
    await portal.waitFor(
      async () =>
        !!(await portal.api(
          `/api/catalog/entities/by-name/server/default/${name}`,
        )),
      120_000,
      'the catalog to show the new server',
    );
    await page.goto(`${portal.baseUrl}/catalog/default/server/${name}`);
    await page.getByText('Maestro details').waitFor();
    await page
      .getByText(/#2\s*update/)
      .first()
      .waitFor();
    await page.locator('code', { hasText: 'spec.cpu' }).first().waitFor();
  });

  it('says what references a record before deleting it', async () => {
    await inventory('servers');
    await page
      .getByRole('searchbox', { name: 'filter data by Hostname' })
      .fill('e2e-web');
    await page.getByText('Maestro Servers (1)').waitFor();
    await page.getByRole('button', { name: 'Delete e2e-web-01.lab' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText(/1 record refers to e2e-web-01.lab/).waitFor();
    await dialog.getByText('e2e-shop (Component)').waitFor();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(
      await records('servers', 'filter.spec.hostname=e2e-web-01.lab'),
    ).toHaveLength(1);
  });
});
