import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AddressInfo } from 'node:net';
import { TestDatabases } from '@backstage/backend-test-utils';
import { portalRequests, waitUntil } from '../__testUtils__/portalRequests';
import { startPortalAccessBackend } from './__testUtils__/portalAccessBackend';

jest.setTimeout(120_000);

const databases = TestDatabases.create({
  ids: ['SQLITE_3', 'POSTGRES_15'],
  disableDocker: true,
});

const ADA = 'user:default/ada';
const BOB = 'user:default/bob';
const ARCHITECTS = 'group:default/architects';

/** The part of a catalog entity the assertions read. */
interface Entity {
  metadata: { name: string };
  spec?: { access?: unknown };
}

/** An entity of the test, with a word found nowhere else for search. */
function fixture(kind: string, name: string, word: string) {
  return {
    name,
    word,
    ref: `${kind}:default/${name}`,
    byName: `/catalog/entities/by-name/${kind}/default/${name}`,
    // Where the catalog collator's documents point.
    location: `/catalog/default/${kind}/${name}`,
  };
}

/** ada's team's server: bob may not read it. */
const HIDDEN = fixture('server', 'architects-vault', 'zephyrine');
/** ada's server with an entry giving bob read. */
const SHARED = fixture('server', 'shared-box', 'quorvex');
/** Not a Maestro record: the Maestro rule leaves it alone. */
const COMPONENT = fixture('component', 'plain-docs', 'marrowind');

/** A plain Component from a catalog-info.yaml: no Maestro access on it. */
const CATALOG_INFO = `
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: ${COMPONENT.name}
  title: Plain docs ${COMPONENT.word}
spec:
  type: website
  lifecycle: production
  owner: ${ARCHITECTS}
`;

describe.each(databases.eachSupportedId())(
  'Maestro record access in the running catalog and search on %p',
  databaseId => {
    let stop: () => Promise<void>;
    let requests: ReturnType<typeof portalRequests>;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'catalog-access-'));

    const as = (user: string, method: string, url: string, body?: unknown) =>
      requests.as(user, method, url, body);
    const ok = (user: string, method: string, url: string, body?: unknown) =>
      requests.ok(user, method, url, body);
    const listServers = (user: string) =>
      ok(user, 'GET', '/catalog/entities/by-query?filter=kind=server');
    const namesOf = (entities: Array<Entity | null>) =>
      entities.map(e => e?.metadata.name ?? null).sort();
    const search = async (user: string, term: string) =>
      (
        await ok(
          user,
          'GET',
          `/search/query?term=${encodeURIComponent(
            term,
          )}&types[0]=software-catalog`,
        )
      ).results.map((r: any) => r.document.location as string);

    beforeAll(async () => {
      const catalogInfo = path.join(dir, 'catalog-info.yaml');
      fs.writeFileSync(catalogInfo, CATALOG_INFO);
      const backend = await startPortalAccessBackend({
        databases,
        databaseId,
        defaultRead: 'restricted',
        teams: { [ADA]: [ARCHITECTS] },
        config: {
          catalog: {
            locations: [{ type: 'file', target: catalogInfo }],
            rules: [{ allow: ['Location', 'Component', 'Server'] }],
          },
        },
      });
      stop = () => backend.stop();
      requests = portalRequests((backend.server.address() as AddressInfo).port);

      // ada files one server under her team, and one she shares with bob.
      await ok(ADA, 'POST', '/maestro/entities/servers', {
        kind: 'Server',
        metadata: { name: HIDDEN.name, title: `Vault ${HIDDEN.word}` },
        spec: { hostname: HIDDEN.name, owner: ARCHITECTS },
      });
      await ok(ADA, 'POST', '/maestro/entities/servers', {
        kind: 'Server',
        metadata: { name: SHARED.name, title: `Box ${SHARED.word}` },
        spec: { hostname: SHARED.name },
      });
      await ok(
        ADA,
        'PUT',
        `/maestro/records/by-ref/access?ref=${encodeURIComponent(SHARED.ref)}`,
        { entries: [{ principal: BOB, role: 'read' }] },
      );

      await waitUntil(
        "for the catalog to hold both records, the shared one with bob's entry, and the Component",
        async () => {
          await backend.scheduler.triggerTask(
            'maestro-entity-provider:refresh',
          );
          const { items } = await listServers(ADA);
          const shared = items.find(
            (e: Entity) => e.metadata.name === SHARED.name,
          );
          return (
            items.length === 2 &&
            JSON.stringify(shared?.spec?.access) ===
              JSON.stringify([{ principal: BOB, role: 'read' }]) &&
            (await as(BOB, 'GET', COMPONENT.byName)).status === 200
          );
        },
      );
      // What the portal's schedule does every few minutes.
      await backend.scheduler.triggerTask('search_index_software_catalog');
    });

    afterAll(async () => {
      await stop?.();
      fs.rmSync(dir, { recursive: true, force: true });
    });

    it('lists to bob only the record shared with him, and counts only it', async () => {
      const forAda = await listServers(ADA);
      const forBob = await listServers(BOB);
      expect(namesOf(forAda.items)).toEqual([HIDDEN.name, SHARED.name]);
      expect(forAda.totalItems).toBe(2);
      expect(namesOf(forBob.items)).toEqual([SHARED.name]);
      expect(forBob.totalItems).toBe(1);

      // Nor does the whole catalog show it to him.
      const all = namesOf(
        (await ok(BOB, 'GET', '/catalog/entities/by-query')).items,
      );
      expect(all).toEqual(
        expect.arrayContaining([SHARED.name, COMPONENT.name]),
      );
      expect(all).not.toContain(HIDDEN.name);
    });

    it('answers 404 to bob for the hidden record by name, 200 to ada', async () => {
      expect((await as(BOB, 'GET', HIDDEN.byName)).status).toBe(404);
      expect((await as(ADA, 'GET', HIDDEN.byName)).status).toBe(200);
      expect((await as(BOB, 'GET', SHARED.byName)).status).toBe(200);
    });

    it('answers null to bob for the hidden record by ref', async () => {
      const body = { entityRefs: [HIDDEN.ref, SHARED.ref, COMPONENT.ref] };
      const forBob = await ok(BOB, 'POST', '/catalog/entities/by-refs', body);
      const forAda = await ok(ADA, 'POST', '/catalog/entities/by-refs', body);
      expect(
        forBob.items.map((e: Entity | null) => e?.metadata.name ?? null),
      ).toEqual([null, SHARED.name, COMPONENT.name]);
      expect(
        forAda.items.map((e: Entity | null) => e?.metadata.name ?? null),
      ).toEqual([HIDDEN.name, SHARED.name, COMPONENT.name]);
    });

    it('leaves the hidden record out of the facets bob sees', async () => {
      const facets = async (user: string) =>
        (
          await ok(
            user,
            'GET',
            '/catalog/entity-facets?facet=metadata.name&filter=kind=server',
          )
        ).facets['metadata.name']
          .map((f: { value: string }) => f.value)
          .sort();
      expect(await facets(BOB)).toEqual([SHARED.name]);
      expect(await facets(ADA)).toEqual([HIDDEN.name, SHARED.name]);
    });

    it('keeps entities that are not Maestro records visible to bob', async () => {
      const { items, totalItems } = await ok(
        BOB,
        'GET',
        '/catalog/entities/by-query?filter=kind=component',
      );
      expect(namesOf(items)).toEqual([COMPONENT.name]);
      expect(totalItems).toBe(1);
      expect((await as(BOB, 'GET', COMPONENT.byName)).status).toBe(200);
    });

    it('finds the hidden record in search for ada, not for bob', async () => {
      expect(await search(ADA, HIDDEN.word)).toEqual([HIDDEN.location]);
      expect(await search(BOB, HIDDEN.word)).toEqual([]);
      // Search works for bob: what he may read, he finds.
      expect(await search(BOB, SHARED.word)).toEqual([SHARED.location]);
      expect(await search(BOB, COMPONENT.word)).toEqual([COMPONENT.location]);
    });
  },
);
