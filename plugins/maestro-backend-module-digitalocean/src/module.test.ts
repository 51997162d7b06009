import { TestDatabases } from '@backstage/backend-test-utils';
import { FakeCloud, startFakeCloud } from '@maestro/fake-cloud';
// The plugin this module extends; declared as a devDependency.
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import maestroBackend from '@maestro/plugin-maestro-backend';
import {
  DiscoveryTestBackend,
  startDiscoveryTestBackend,
} from '@maestro/plugin-maestro-node/testUtils';
import maestroModuleDigitalOcean from './index';

jest.setTimeout(120_000);

const databases = TestDatabases.create({
  ids: ['SQLITE_3', 'POSTGRES_15'],
  disableDocker: true,
});

/** 2 regions of 110: two API pages of droplets. */
const DROPLETS = 220;

/**
 * The whole chain: the Maestro plugin with this module, its REST API, the
 * scheduler, the write path on a real database, and real HTTP (fetch and
 * the S3 client) to the fake cloud's DigitalOcean.
 */
describe.each(databases.eachSupportedId())(
  'DigitalOcean discovery end to end on %p',
  databaseId => {
    let fake: FakeCloud;
    let maestro: DiscoveryTestBackend;

    beforeAll(async () => {
      fake = await startFakeCloud({
        digitalocean: { regions: ['nyc3', 'ams3'], dropletsPerRegion: 110 },
      });
      maestro = await startDiscoveryTestBackend({
        knex: await databases.init(databaseId),
        features: [maestroBackend, maestroModuleDigitalOcean],
      });
    });
    afterAll(() => fake.close());

    const settings = () => ({
      token: fake.digitalocean.token,
      spacesAccessKeyId: fake.digitalocean.spacesKey.accessKeyId,
      spacesSecretAccessKey: fake.digitalocean.spacesKey.secretAccessKey,
      spacesRegions: 'nyc3,ams3',
      endpoint: `${fake.url}/digitalocean`,
      spacesEndpoint: `${fake.url}/digitalocean/spaces/{region}`,
    });

    it('refuses a connection with a malformed token, and never returns secrets', async () => {
      await maestro.api('POST', '/connections', 400, {
        type: 'digitalocean',
        title: 'DigitalOcean',
        datacenter: 'datacenter:default/do-fake',
        settings: { ...settings(), token: 'Bearer abc' },
      });
      const created = await maestro.api('POST', '/connections', 201, {
        type: 'digitalocean',
        title: 'DigitalOcean',
        datacenter: 'datacenter:default/do-fake',
        settings: settings(),
      });
      const text = JSON.stringify(
        await maestro.api('GET', `/connections/${created.id}`, 200),
      );
      expect(text).not.toContain(fake.digitalocean.token);
      expect(text).not.toContain(fake.digitalocean.spacesKey.secretAccessKey);
      await maestro.api('DELETE', `/connections/${created.id}`, 204);
    });

    it('discovers, keeps still, deactivates, and reports failures', async () => {
      const { id } = await maestro.api('POST', '/connections', 201, {
        type: 'digitalocean',
        title: 'DigitalOcean fake',
        datacenter: 'datacenter:default/do-fake',
        owner: 'group:default/sre',
        settings: settings(),
      });
      expect(await maestro.sync(id, 'server-list')).toMatchObject({
        outcome: 'success',
        seen: DROPLETS,
        created: DROPLETS,
        deactivated: 0,
      });
      const droplet = fake.digitalocean.data.droplets.find(
        d => d.region.slug === 'ams3' && d.status === 'active',
      )!;
      const server = await maestro.api(
        'GET',
        `/entities/servers/default/droplet-${droplet.id}`,
        200,
      );
      expect(server.entity.spec).toMatchObject({
        uniqueId: String(droplet.id),
        hostname: droplet.name,
        owner: 'group:default/sre',
        status: 'Active',
        cpu: droplet.vcpus,
        datacenter: {
          ref: 'datacenter:default/do-fake',
          provider: 'DigitalOcean',
          region: 'ams3',
          instanceType: droplet.size_slug,
        },
      });

      // The other kinds, through their own tasks.
      for (const task of [
        'volumes-list',
        'loadbalance-list',
        'storage-object-list',
      ]) {
        expect(await maestro.sync(id, task)).toMatchObject({
          outcome: 'success',
        });
      }
      const volume = fake.digitalocean.data.volumes.find(
        v => v.droplet_ids.length,
      )!;
      expect(
        (
          await maestro.api(
            'GET',
            `/entities/volumes/default/${volume.id}`,
            200,
          )
        ).entity.spec.server,
      ).toBe(`server:default/droplet-${volume.droplet_ids[0]}`);
      const lb = fake.digitalocean.data.loadBalancers[0];
      expect(
        (await maestro.api('GET', `/entities/resources/default/${lb.id}`, 200))
          .entity.spec,
      ).toMatchObject({
        type: 'load-balancer',
        owner: 'group:default/sre',
        targets: lb.droplet_ids.map(d => `server:default/droplet-${d}`),
      });
      const bucket = fake.digitalocean.data.buckets[0];
      await maestro.api(
        'GET',
        `/entities/resources/default/spaces-${bucket.region}-${bucket.name}`,
        200,
      );

      // Nothing changed at the provider: no store write.
      const before = await maestro.revisions();
      expect(await maestro.sync(id, 'server-list')).toMatchObject({
        outcome: 'success',
        seen: DROPLETS,
        created: 0,
        updated: 0,
        deactivated: 0,
      });
      expect(await maestro.revisions()).toBe(before);

      // A droplet gone from the account is marked inactive after a complete scan.
      const data = fake.digitalocean.data;
      data.droplets.splice(data.droplets.indexOf(droplet), 1);
      expect(await maestro.sync(id, 'server-list')).toMatchObject({
        outcome: 'success',
        seen: DROPLETS - 1,
        deactivated: 1,
      });
      const gone = await maestro.api(
        'GET',
        `/entities/servers/default/droplet-${droplet.id}`,
        200,
      );
      expect(gone.active).toBe(false);

      // A scan cut by a failure on its second page changes nothing.
      data.droplets.push(droplet);
      const removed = data.droplets.splice(0, 5);
      fake.digitalocean.failure = {
        action: '/v2/droplets',
        afterRequests: 1,
        status: 403,
        id: 'forbidden',
        message: 'You are not authorized to perform this operation',
      };
      expect(await maestro.sync(id, 'server-list')).toMatchObject({
        outcome: 'danger',
        permission: 'droplet:read',
      });
      for (const d of removed) {
        const res = await maestro.api(
          'GET',
          `/entities/servers/default/droplet-${d.id}`,
          200,
        );
        expect(res.active).toBe(d.status !== 'archive');
      }
      fake.digitalocean.resetSwitches();

      fake.digitalocean.badCredentials = true;
      expect(await maestro.sync(id, 'server-list')).toMatchObject({
        outcome: 'danger',
        message: 'unauthorized: Unable to authenticate you',
      });
      fake.digitalocean.resetSwitches();
    });
  },
);
