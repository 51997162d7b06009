import { DiscoveredEntity } from '@maestro/plugin-maestro-node';
import { validateMaestroEntity } from '@maestro/plugin-maestro-common';
import droplets from '../__fixtures__/listDroplets.json';
import volumes from '../__fixtures__/listVolumes.json';
import snapshots from '../__fixtures__/listSnapshots.json';
import images from '../__fixtures__/listImages.json';
import loadBalancers from '../__fixtures__/listLoadBalancers.json';
import firewalls from '../__fixtures__/listFirewalls.json';
import clusters from '../__fixtures__/listKubernetesClusters.json';
import cdnEndpoints from '../__fixtures__/listCdnEndpoints.json';
import { boundedName, maestroTags } from './common';
import { dropletStatus, translateDroplet } from './droplet';
import { translateFirewall } from './firewall';
import {
  translateBucket,
  translateCdnEndpoint,
  translateKubernetesCluster,
  translateLoadBalancer,
} from './services';
import { translateImage, translateSnapshot, translateVolume } from './storage';

// Responses shaped as the API v2 reference's examples.

/** Valid as the engine writes it: the connection fills in the owner. */
function expectValid(entity: DiscoveredEntity) {
  expect(
    validateMaestroEntity({
      ...entity,
      spec: { owner: 'group:default/sre', ...entity.spec },
    }),
  ).toEqual([]);
}

describe('translateDroplet', () => {
  it('turns an active droplet into a Server with its sizes, addresses, disks and image', () => {
    const server = translateDroplet(droplets.droplets[0]);
    expect(server.metadata).toEqual({
      name: 'droplet-3164444',
      title: 'example.com',
      labels: { web: '', env: 'prod' },
    });
    expect(server.spec).toEqual({
      hostname: 'example.com',
      uniqueId: '3164444',
      status: 'Active',
      active: true,
      ipv4Private: '10.128.192.124',
      ipv4Public: '192.241.165.154',
      cpu: 1,
      memory: 1,
      os: { base: 'Linux', dist: 'Ubuntu', version: '20.04' },
      storage: [
        { name: '/dev/vda', size: 25, root: true, type: 'built-in' },
        {
          name: '506f78a4-e098-11e5-ad9f-000f53306ae1',
          root: false,
          type: 'attached',
          volume: 'volume:default/506f78a4-e098-11e5-ad9f-000f53306ae1',
        },
      ],
      datacenter: {
        provider: 'DigitalOcean',
        region: 'nyc3',
        instanceId: '3164444',
        instanceType: 's-1vcpu-1gb',
        imageId: '63663980',
      },
      image: 'image:default/image-63663980',
      networks: ['network:default/760e09ef-dc84-11e8-981e-3cfdfeaae000'],
      tags: [
        { key: 'web', value: '' },
        { key: 'env', value: 'prod' },
        { key: 'cost center', value: 'R&D / web' },
      ],
    });
    expectValid(server);
  });

  it('marks an archived droplet inactive and reads a FreeBSD image', () => {
    const server = translateDroplet(droplets.droplets[1]);
    expect(server.metadata).not.toHaveProperty('labels');
    expect(server.spec).toMatchObject({
      status: 'Stopped',
      active: false,
      memory: 2,
      cpu: 2,
      os: { base: 'FreeBSD', dist: 'FreeBSD', version: '12.1' },
    });
    expect(server.spec).not.toHaveProperty('ipv4Public');
    expect(server.spec).not.toHaveProperty('tags');
    expect(server.spec!.storage).toHaveLength(1);
    expectValid(server);
  });

  it.each([
    ['new', 'Active', true],
    ['active', 'Active', true],
    ['off', 'Stopped', true],
    ['archive', 'Stopped', false],
  ])('maps status %s', (status, maestro, active) => {
    expect(dropletStatus(status)).toEqual({ status: maestro, active });
  });
});

describe('volumes, snapshots and images', () => {
  it('relates an attached volume to its droplet, with the device DigitalOcean mounts it as', () => {
    const volume = translateVolume(volumes.volumes[0]);
    expect(volume.metadata).toEqual({
      name: '506f78a4-e098-11e5-ad9f-000f53306ae1',
      title: 'example',
      description: 'Block store for examples',
      labels: { aninterestingtag: '' },
    });
    expect(volume.spec).toMatchObject({
      uniqueId: '506f78a4-e098-11e5-ad9f-000f53306ae1',
      status: 'Active',
      size: 10,
      fileType: 'ext4',
      server: 'server:default/droplet-3164444',
      device: '/dev/disk/by-id/scsi-0DO_Volume_example',
      datacenter: { provider: 'DigitalOcean', region: 'nyc1' },
    });
    expectValid(volume);
  });

  it('keeps a detached volume available and unattached', () => {
    const volume = translateVolume(volumes.volumes[1]);
    expect(volume.spec).toMatchObject({ status: 'Avaliable', size: 500 });
    for (const field of ['server', 'device', 'fileType', 'tags']) {
      expect(volume.spec).not.toHaveProperty(field);
    }
  });

  it('tells droplet snapshots from volume snapshots', () => {
    const [ofDroplet, ofVolume] = snapshots.snapshots.map(translateSnapshot);
    expect(ofDroplet.metadata.name).toBe('snapshot-6372321');
    expect(ofDroplet.spec).toMatchObject({
      uniqueId: '6372321',
      server: 'server:default/droplet-200776916',
      size: 25,
      startTime: '2020-07-28T16:47:44Z',
      datacenter: { region: 'nyc3', regions: ['nyc3', 'sfo3'] },
    });
    expect(ofDroplet.spec).not.toHaveProperty('volume');
    expect(ofVolume.metadata.name).toBe('fbe805e8-866b-11e6-96bf-000f53315a41');
    expect(ofVolume.spec).toMatchObject({
      volume: 'volume:default/89bcc42f-85cf-11e6-a004-000f53315871',
      volumeId: '89bcc42f-85cf-11e6-a004-000f53315871',
    });
    expectValid(ofDroplet);
    expectValid(ofVolume);
  });

  it('names images so that droplets built from them point at them', () => {
    const image = translateImage(images.images[0]);
    expect(image.metadata.name).toBe('image-7555620');
    expect(image.spec).toMatchObject({
      uniqueId: '7555620',
      imageType: 'snapshot',
      public: false,
      platform: 'Ubuntu',
      status: 'Active',
      active: true,
      datacenter: { region: 'nyc2', regions: ['nyc2', 'nyc3'] },
    });
    const deleted = translateImage(images.images[1]);
    expect(deleted.spec).toMatchObject({ status: 'Deleted', active: false });
    expect(deleted.spec!.datacenter).toEqual({ provider: 'DigitalOcean' });
    expectValid(image);
    expectValid(deleted);
  });
});

describe('firewalls and managed services', () => {
  it('keeps a firewall as a Network with its rules and droplets', () => {
    const network = translateFirewall(firewalls.firewalls[0]);
    expect(network.metadata.name).toBe('fb6045f1-cf1d-4ca3-bfac-18832663025b');
    expect(network.spec).toMatchObject({
      type: 'firewall',
      status: 'Active',
      properties: {
        inbound: [
          {
            protocol: 'tcp',
            ports: '80',
            sources: {
              loadBalancers: ['4de7ac8b-495b-4884-9a69-1050c6793cd6'],
            },
          },
          {
            protocol: 'tcp',
            ports: '22',
            sources: { addresses: ['18.0.0.0/8'], tags: ['gateway'] },
          },
        ],
        outbound: [
          {
            protocol: 'tcp',
            ports: '80',
            destinations: { addresses: ['0.0.0.0/0', '::/0'] },
          },
        ],
        droplets: ['server:default/droplet-8043964'],
      },
    });
    expectValid(network);
  });

  it('makes a load balancer a Loadbalance resource routing to its droplets', () => {
    const lb = translateLoadBalancer(loadBalancers.load_balancers[0]);
    expect(lb.apiVersion).toBe('backstage.io/v1alpha1');
    expect(lb.kind).toBe('Resource');
    expect(lb.metadata).toEqual({
      name: '4de7ac8b-495b-4884-9a69-1050c6793cd6',
      title: 'example-lb-01',
    });
    expect(lb.spec).toEqual({
      type: 'load-balancer',
      family: 'Loadbalance',
      uniqueId: '4de7ac8b-495b-4884-9a69-1050c6793cd6',
      provider: 'Load Balancer (DigitalOcean)',
      status: 'Active',
      active: true,
      size: 'lb-small',
      role: {
        endpoint: '104.131.186.241',
        healthCheck: 'http:80/',
        algorithm: 'round_robin',
        forwardingRules: ['http:80 -> http:80', 'https:444 -> https:443'],
      },
      targets: [
        'server:default/droplet-3164444',
        'server:default/droplet-3164445',
      ],
      datacenter: { provider: 'DigitalOcean', region: 'nyc3' },
    });
    expectValid(lb);
  });

  it('makes a Kubernetes cluster run on its node droplets', () => {
    const cluster = translateKubernetesCluster(clusters.kubernetes_clusters[0]);
    expect(cluster.spec).toMatchObject({
      type: 'container-orchestration',
      family: 'ContainerOrchestration',
      status: 'Active',
      servers: [
        'server:default/droplet-205545370',
        'server:default/droplet-205545371',
      ],
      role: {
        endpoint:
          'https://bd5f5959-5e1e-4205-a714-a914373942af.k8s.ondigitalocean.com',
        version: '1.18.6-do.0',
        nodePools: [{ name: 'frontend-pool', size: 's-1vcpu-2gb', count: 2 }],
      },
      datacenter: { region: 'nyc1' },
    });
    expect(cluster.metadata.labels).toEqual({
      k8s: 'bd5f5959-5e1e-4205-a714-a914373942af',
      production: '',
      'web-team': '',
    });
    expectValid(cluster);
  });

  it('makes a CDN endpoint depend on the Spaces bucket it serves', () => {
    const cdn = translateCdnEndpoint(cdnEndpoints.endpoints[0]);
    const bucket = translateBucket(
      {
        Name: 'static-images',
        CreationDate: new Date('2017-06-23T18:37:48.157Z'),
      },
      { region: 'nyc3', endpoint: 'https://nyc3.digitaloceanspaces.com' },
    );
    expect(cdn.metadata.title).toBe('static.example.com');
    expect(cdn.spec).toMatchObject({
      type: 'cdn',
      family: 'CDN',
      role: { endpoint: 'https://static.example.com', ttl: 3600 },
      dependencies: [
        {
          target: `resource:default/${bucket.metadata.name}`,
          protocol: 'http',
        },
      ],
      datacenter: { region: 'nyc3' },
    });
    expect(bucket.metadata).toEqual({
      name: 'spaces-nyc3-static-images',
      title: 'static-images',
    });
    expect(bucket.spec).toMatchObject({
      type: 'object-storage',
      family: 'ObjectStorage',
      uniqueId: 'nyc3/static-images',
      provider: 'Spaces (DigitalOcean)',
      role: {
        endpoint: 'https://nyc3.digitaloceanspaces.com/static-images',
        createdAt: '2017-06-23T18:37:48.157Z',
      },
    });
    expectValid(cdn);
    expectValid(bucket);
  });
});

describe('names and tags', () => {
  it('keeps long names within 63 characters and apart from each other', () => {
    const long = `spaces-nyc3-${'a'.repeat(60)}`;
    const a = boundedName(`${long}-one`);
    const b = boundedName(`${long}-two`);
    expect(a.length).toBeLessThanOrEqual(63);
    expect(a).not.toBe(b);
    expect(a).toMatch(/^[a-z0-9]([a-z0-9._-]*[a-z0-9])?$/);
    expect(boundedName('spaces-nyc3-Short')).toBe('spaces-nyc3-short');
  });

  it('splits key:value tags at the first colon only', () => {
    expect(maestroTags(['a:b:c', 'plain'])).toEqual([
      { key: 'a', value: 'b:c' },
      { key: 'plain', value: '' },
    ]);
    expect(maestroTags(null)).toBeUndefined();
  });
});
