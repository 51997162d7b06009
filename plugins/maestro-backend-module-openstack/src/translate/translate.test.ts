import { validateMaestroEntity } from '@maestro/plugin-maestro-common';
import servers from '../__fixtures__/novaServersDetail.json';
import flavors from '../__fixtures__/novaFlavorsDetail.json';
import ports from '../__fixtures__/neutronPorts.json';
import volumes from '../__fixtures__/cinderVolumesDetail.json';
import snapshots from '../__fixtures__/cinderSnapshotsDetail.json';
import images from '../__fixtures__/glanceImages.json';
import networking from '../__fixtures__/neutronNetworking.json';
import loadBalancers from '../__fixtures__/octaviaLoadBalancers.json';
import members from '../__fixtures__/octaviaMembers.json';
import { flavorEntityName } from './common';
import { translateFlavor } from './flavor';
import { translateLoadBalancer } from './loadBalancer';
import {
  translateNetwork,
  translatePort,
  translateRouter,
  translateSecurityGroup,
  translateSubnet,
} from './network';
import {
  CinderVolume,
  NeutronPort,
  NovaFlavor,
  NovaServer,
} from './openstackApi';
import { serverStatus, translateServer } from './server';
import { translateImage, translateSnapshot, translateVolume } from './storage';

const context = { region: 'RegionOne', cloudKey: '1a2b3c4d' };
const [web, db, softDeleted] = servers.servers as NovaServer[];
const lookups = () => ({
  flavors: new Map((flavors.flavors as NovaFlavor[]).map(f => [f.id, f])),
  ports: new Map([[web.id, (ports.ports as NeutronPort[]).slice(0, 1)]]),
});

describe('translateServer', () => {
  it('fills size from the flavor, addresses per network, placement and relations', () => {
    const e = translateServer(web, context, lookups());
    expect(e.kind).toBe('Server');
    expect(e.metadata).toEqual({
      name: web.id,
      title: 'web-01',
      // "owner team" does not fit label syntax: it stays a tag only.
      labels: { env: 'production' },
    });
    expect(e.spec).toMatchObject({
      hostname: 'web-01',
      uniqueId: web.id,
      status: 'Active',
      active: true,
      // The IPv6 address comes first in the body; Maestro keeps IPv4.
      ipv4Private: '10.20.0.14',
      ipv4Public: '203.0.113.40',
      cpu: 2,
      memory: 4,
      auth: [{ type: 'PKI', name: 'ops-deploy' }],
      storage: [
        { name: 'root', size: 40, root: true, type: 'built-in' },
        {
          name: 'a1b2c3d4-0000-4000-8000-00000000000a',
          type: 'attached',
          volume: 'volume:default/a1b2c3d4-0000-4000-8000-00000000000a',
        },
      ],
      datacenter: {
        provider: 'OpenStack',
        region: 'RegionOne',
        zone: 'az-2',
        instanceId: web.id,
        instanceType: 'm1.medium',
        imageId: '0b7c9e11-2d4f-4a6b-8c9d-1e2f3a4b5c6d',
        subnetId: '22222222-3333-4444-8555-666677778888',
        projectId: '9c3e1f7a2b4d4c6e8f0a1b2c3d4e5f60',
      },
      image: 'image:default/0b7c9e11-2d4f-4a6b-8c9d-1e2f3a4b5c6d',
      flavor: 'flavor:default/os-1a2b3c4d-3',
      networks: [
        'network:default/11111111-2222-4333-8444-555566667777',
        'network:default/22222222-3333-4444-8555-666677778888',
        'network:default/33333333-4444-4555-8666-777788889999',
        'network:default/44444444-5555-4666-8777-888899990000',
        'network:default/55555555-6666-4777-8888-999900001111',
      ],
      tags: [
        { key: 'env', value: 'production' },
        { key: 'owner team', value: 'Payments & Billing' },
        { key: 'frontend', value: '' },
      ],
    });
    expect((e.spec as any).addresses).toHaveLength(3);
    expect((e.spec as any).addresses[2]).toEqual({
      network: 'private',
      address: '203.0.113.40',
      version: 4,
      type: 'floating',
      mac: 'fa:16:3e:4c:2d:91',
    });
  });

  it('translates a server booted from a volume, with a private UUID flavor and no ports', () => {
    const e = translateServer(db, context, lookups());
    expect(e.spec).toMatchObject({
      status: 'Stopped',
      active: true,
      cpu: 8,
      memory: 24,
      flavor: 'flavor:default/8e1f0c2a-6b7d-4c3e-9f10-2a3b4c5d6e7f',
      storage: [
        {
          name: 'b2c3d4e5-0000-4000-8000-00000000000b',
          type: 'attached',
          volume: 'volume:default/b2c3d4e5-0000-4000-8000-00000000000b',
        },
      ],
    });
    for (const absent of ['image', 'networks', 'ipv4Private', 'auth', 'tags']) {
      expect(e.spec).not.toHaveProperty(absent);
    }
    expect(e.metadata.labels).toBeUndefined();
  });

  it('reads the flavor embedded from compute microversion 2.47, and marks soft-deleted servers inactive', () => {
    const embedded: NovaServer = {
      ...web,
      flavor: { original_name: 'm1.xlarge', vcpus: 8, ram: 16384, disk: 160 },
    };
    const e = translateServer(embedded, context, {
      flavors: new Map(),
      ports: new Map(),
    });
    expect(e.spec).toMatchObject({ cpu: 8, memory: 16 });
    expect((e.spec as any).datacenter.instanceType).toBe('m1.xlarge');
    expect(e.spec).not.toHaveProperty('flavor');

    expect(translateServer(softDeleted, context, lookups()).spec).toMatchObject(
      {
        status: 'Stopped',
        active: false,
      },
    );
  });

  it.each([
    ['ACTIVE', 'Active', true],
    ['HARD_REBOOT', 'Active', true],
    ['VERIFY_RESIZE', 'Active', true],
    ['SHELVED_OFFLOADED', 'Stopped', true],
    ['PAUSED', 'Stopped', true],
    ['ERROR', 'Error', true],
    ['DELETED', 'Stopped', false],
    ['UNKNOWN', undefined, true],
  ])('maps Nova status %s to %s', (nova, status, active) => {
    expect(serverStatus(nova)).toEqual(
      status ? { status, active } : { active },
    );
  });
});

describe('translateFlavor', () => {
  it('names flavors by cloud unless their id is a UUID, with memory in GiB', () => {
    const [medium, gpu] = (flavors.flavors as NovaFlavor[]).map(f =>
      translateFlavor(f, context),
    );
    expect(medium.metadata).toEqual({
      name: 'os-1a2b3c4d-3',
      title: 'm1.medium',
    });
    expect(medium.spec).toMatchObject({
      uniqueId: 'os-1a2b3c4d-3',
      provider: 'OpenStack',
      apiName: 'm1.medium',
      vcpus: 2,
      memory: 4,
      storage: '40 GB',
      properties: { flavorId: '3', public: true },
    });
    expect(gpu.metadata.name).toBe('8e1f0c2a-6b7d-4c3e-9f10-2a3b4c5d6e7f');
    expect(gpu.spec).toMatchObject({
      memory: 24,
      storage: '0 GB + 20 GB ephemeral',
      properties: {
        public: false,
        swapMb: 2048,
        description: 'GPU nodes for the data team',
      },
    });
  });

  it('keeps flavor names within Backstage name rules', () => {
    expect(flavorEntityName('m1.Large/Special', 'abcd1234')).toBe(
      'os-abcd1234-m1.large-special',
    );
    expect(flavorEntityName('x'.repeat(80), 'abcd1234')).toHaveLength(63);
  });
});

describe('storage translation', () => {
  it('attaches volumes to their server and maps Cinder statuses', () => {
    const [attached, failed] = (volumes.volumes as CinderVolume[]).map(v =>
      translateVolume(v, context),
    );
    expect(attached.metadata).toEqual({
      name: 'a1b2c3d4-0000-4000-8000-00000000000a',
      title: 'web-01-data',
      labels: { backup: 'daily' },
    });
    expect(attached.spec).toMatchObject({
      status: 'Active',
      size: 100,
      volumeType: 'ceph-ssd',
      encrypted: true,
      server: 'server:default/6f2a8c4e-1b3d-4e5f-9a7b-0c1d2e3f4a5b',
      device: '/dev/vdb',
      properties: { bootable: false, createdAt: '2025-11-03T08:15:40.512Z' },
      datacenter: { provider: 'OpenStack', region: 'RegionOne', zone: 'az-2' },
      tags: [{ key: 'backup', value: 'daily' }],
    });
    expect(failed.metadata.title).toBe('c3d4e5f6-0000-4000-8000-00000000000c');
    expect(failed.spec).toMatchObject({
      status: 'Error',
      properties: {
        bootable: true,
        snapshotId: 'f1f2f3f4-0000-4000-8000-0000000000f1',
      },
    });
    expect(failed.spec).not.toHaveProperty('server');
  });

  it('relates snapshots to their volume, with UTC times', () => {
    const e = translateSnapshot(snapshots.snapshots[0], context);
    expect(e.metadata.title).toBe('nightly');
    expect(e.spec).toMatchObject({
      volume: 'volume:default/a1b2c3d4-0000-4000-8000-00000000000a',
      size: 100,
      progress: '100%',
      startTime: '2025-11-04T02:00:05.123Z',
      status: 'Active',
    });
  });

  it('translates Glance images, failed uploads inactive', () => {
    const [ubuntu, killed] = images.images.map(i => translateImage(i, context));
    expect(ubuntu.spec).toMatchObject({
      public: true,
      imageType: 'qcow2',
      architecture: 'x86_64',
      hypervisor: 'qemu',
      platform: 'ubuntu 24.04',
      status: 'Active',
      active: true,
      tags: [
        { key: 'lts', value: '' },
        { key: 'golden', value: '' },
      ],
    });
    expect(killed.spec).toMatchObject({
      public: false,
      status: 'Error',
      active: false,
    });
  });
});

describe('network translation', () => {
  it('translates networks, subnets, ports and routers by type', () => {
    const net = translateNetwork(networking.networks[0], context);
    expect(net.spec).toMatchObject({
      type: 'network',
      status: 'Active',
      properties: { external: false, mtu: 1442, networkType: 'geneve' },
      tags: [{ key: 'tier-web', value: '' }],
    });
    const subnet = translateSubnet(networking.subnets[0], context);
    expect(subnet.spec).toMatchObject({
      type: 'subnet',
      cidr: '10.20.0.0/16',
      network: 'network:default/11111111-2222-4333-8444-555566667777',
      properties: { gatewayIp: '10.20.0.1', ipVersion: 4 },
    });
    const port = translatePort(ports.ports[0], context);
    expect(port.metadata.title).toBe('10.20.0.14');
    expect(port.spec).toMatchObject({
      type: 'port',
      network: 'network:default/11111111-2222-4333-8444-555566667777',
      properties: {
        macAddress: 'fa:16:3e:4c:2d:91',
        deviceId: '6f2a8c4e-1b3d-4e5f-9a7b-0c1d2e3f4a5b',
        deviceOwner: 'compute:az-2',
      },
    });
    const router = translateRouter(networking.routers[0], context);
    expect(router.spec).toMatchObject({
      type: 'router',
      properties: {
        externalNetwork: 'network:default/88888888-9999-4000-8111-222233334444',
        externalAddresses: ['203.0.113.2'],
        snat: true,
      },
    });
  });

  it('keeps security group rules by direction', () => {
    const e = translateSecurityGroup(
      networking.security_groups[0] as any,
      context,
    );
    expect(e.metadata.title).toBe('web');
    expect((e.spec as any).properties).toEqual({
      description: 'web servers',
      stateful: true,
      projectId: '9c3e1f7a2b4d4c6e8f0a1b2c3d4e5f60',
      egress: [{ protocol: 'any', ethertype: 'IPv4' }],
      ingress: [
        {
          protocol: 'tcp',
          ethertype: 'IPv4',
          fromPort: 443,
          toPort: 443,
          cidrs: ['0.0.0.0/0'],
        },
        {
          protocol: 'any',
          ethertype: 'IPv4',
          remoteGroup: 'network:default/44444444-5555-4666-8777-888899990000',
        },
      ],
    });
  });
});

describe('translateLoadBalancer', () => {
  it('is a Loadbalance Resource routing to the servers behind its members', () => {
    const lb = loadBalancers.loadbalancers[0];
    const [first, second] = members.members;
    const e = translateLoadBalancer(
      lb,
      [
        { member: first, poolId: lb.pools[0].id, serverId: web.id },
        { member: second, poolId: lb.pools[0].id },
      ],
      context,
    );
    expect(e).toMatchObject({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Resource',
      metadata: {
        name: lb.id,
        title: 'web-lb',
        description: 'Public web front',
      },
      spec: {
        type: 'load-balancer',
        family: 'Loadbalance',
        provider: 'Octavia amphora (OpenStack)',
        status: 'Degraded',
        active: true,
        role: { endpoint: '10.20.250.10' },
        targets: [`server:default/${web.id}`],
        tags: [{ key: 'web', value: '' }],
      },
    });
    expect((e.spec as any).members).toEqual([
      {
        pool: lb.pools[0].id,
        address: '10.20.0.14',
        port: 8080,
        weight: 1,
        status: 'ONLINE',
        server: `server:default/${web.id}`,
      },
      {
        pool: lb.pools[0].id,
        address: '10.20.0.99',
        port: 8080,
        weight: 1,
        status: 'ERROR',
      },
    ]);
  });
});

it('produces entities that pass the Maestro schemas', () => {
  const all = [
    ...(servers.servers as NovaServer[]).map(s =>
      translateServer(s, context, lookups()),
    ),
    ...(flavors.flavors as NovaFlavor[]).map(f => translateFlavor(f, context)),
    ...(volumes.volumes as CinderVolume[]).map(v =>
      translateVolume(v, context),
    ),
    ...snapshots.snapshots.map(s => translateSnapshot(s, context)),
    ...images.images.map(i => translateImage(i, context)),
    ...networking.networks.map(n => translateNetwork(n, context)),
    ...networking.subnets.map(n => translateSubnet(n, context)),
    ...ports.ports.map(p => translatePort(p, context)),
    ...networking.routers.map(r => translateRouter(r, context)),
    ...networking.security_groups.map(g =>
      translateSecurityGroup(g as any, context),
    ),
  ];
  const lb = translateLoadBalancer(loadBalancers.loadbalancers[0], [], context);
  // The engine gives every record the connection's owner.
  lb.spec!.owner = 'group:default/sre';
  for (const e of [...all, lb]) {
    expect([e.metadata.name, validateMaestroEntity(e)]).toEqual([
      e.metadata.name,
      [],
    ]);
    expect(e.metadata.name).toMatch(/^[a-z0-9]([a-z0-9_.-]{0,61}[a-z0-9])?$/);
  }
});
