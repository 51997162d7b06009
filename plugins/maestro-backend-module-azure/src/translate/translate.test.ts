import type { Disk, Image, Snapshot, VirtualMachine } from '@azure/arm-compute';
import type {
  NetworkInterface,
  PublicIPAddress,
  RouteTable,
  VirtualNetwork,
} from '@azure/arm-network';
import { validateMaestroEntity } from '@maestro/plugin-maestro-common';
import vmsResponse from '../__fixtures__/virtualMachines.json';
import storageResponses from '../__fixtures__/storage.json';
import networkResponses from '../__fixtures__/network.json';
import { armName, parseArmId } from './common';
import {
  VmLookups,
  powerStateOf,
  sizeKey,
  translateVirtualMachine,
  vmStatus,
} from './virtualMachine';
import { translateDisk, translateImage, translateSnapshot } from './storage';
import {
  translateNetworkInterface,
  translatePublicIpAddress,
  translateRouteTable,
  translateVirtualNetwork,
} from './network';

// List responses shaped after the Azure REST API reference, as the SDK
// hands them over (properties flattened).
const vms = vmsResponse.value as unknown as VirtualMachine[];
const disks = storageResponses.disks as unknown as Disk[];
const snapshots = storageResponses.snapshots as unknown as Snapshot[];
const images = storageResponses.images as unknown as Image[];
const vnets = networkResponses.virtualNetworks as unknown as VirtualNetwork[];
const nics =
  networkResponses.networkInterfaces as unknown as NetworkInterface[];
const publicIps =
  networkResponses.publicIPAddresses as unknown as PublicIPAddress[];
const routeTables = networkResponses.routeTables as unknown as RouteTable[];

const SUB = '9f1c7b4e-3a52-4d8e-b1a7-6c0e2f4d8a13';
const ref = (kind: string, id: string) => `${kind}:default/${armName(id)}`;

const nicId = (group: string, name: string) =>
  `/subscriptions/${SUB}/resourceGroups/${group}/providers/Microsoft.Network/networkInterfaces/${name}`;
const subnetDefault = vnets[0].subnets![0].id!;

const lookups: VmLookups = {
  powerStates: new Map([
    [vms[0].id!.toLowerCase(), 'running'],
    [vms[1].id!.toLowerCase(), 'deallocated'],
  ]),
  interfaces: new Map([
    [
      nicId('rg-web', 'web-vm-01-nic').toLowerCase(),
      {
        privateIp: '10.0.0.4',
        publicIpId: publicIps[0].id,
        subnetId: subnetDefault,
      },
    ],
    [
      nicId('RG-APP', 'app-win-02-nic').toLowerCase(),
      { privateIp: '10.0.0.7', subnetId: subnetDefault },
    ],
    [
      nicId('RG-APP', 'app-win-02-mgmt').toLowerCase(),
      { privateIp: '10.0.0.8', subnetId: subnetDefault },
    ],
  ]),
  publicIps: new Map([[publicIps[0].id!.toLowerCase(), '20.50.2.81']]),
  sizes: new Map([
    [sizeKey('westeurope', 'Standard_D2s_v3'), { cpu: 2, memory: 8 }],
    [sizeKey('westeurope', 'Standard_E4s_v5'), { cpu: 4, memory: 32 }],
  ]),
};

describe('armName', () => {
  it('is the resource name plus a hash of its id, whatever the id case', () => {
    const id = vms[0].id!;
    expect(armName(id)).toMatch(/^web-vm-01-[0-9a-f]{10}$/);
    expect(armName(id.replace('rg-web', 'RG-WEB'))).toBe(armName(id));
    expect(armName(id.replace('web-vm-01', 'web-vm-02'))).not.toBe(armName(id));
  });

  it('fits Backstage names for the longest resource names', () => {
    const name = armName(
      `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.Compute/disks/${'Data_Disk.'.repeat(
        8,
      )}x`,
    );
    expect(name.length).toBeLessThanOrEqual(63);
    expect(name).toMatch(/^[a-z0-9]+([-_.][a-z0-9]+)*$/);
  });

  it('parses child resource types', () => {
    expect(parseArmId(subnetDefault)).toEqual({
      subscriptionId: SUB,
      resourceGroup: 'rg-net',
      type: 'Microsoft.Network/virtualNetworks/subnets',
      name: 'default',
    });
  });
});

describe('translateVirtualMachine', () => {
  it('follows Maestro rules for a running Linux VM', () => {
    const server = translateVirtualMachine(vms[0], lookups);
    expect(server.metadata).toEqual({
      name: armName(vms[0].id!),
      title: 'web-vm-01',
      labels: { env: 'production' },
    });
    const disk = (name: string) =>
      `/subscriptions/${SUB}/resourceGroups/rg-web/providers/Microsoft.Compute/disks/${name}`;
    expect(server.spec).toEqual({
      uniqueId: vms[0].id,
      hostname: 'web01',
      status: 'Active',
      active: true,
      ipv4Private: '10.0.0.4',
      ipv4Public: '20.50.2.81',
      cpu: 2,
      memory: 8,
      os: { base: 'Linux', dist: 'Ubuntu' },
      storage: [
        {
          name: 'web-vm-01_OsDisk_1_6e4f1c2b',
          size: 30,
          root: true,
          type: 'attached',
          volume: ref('volume', disk('web-vm-01_OsDisk_1_6e4f1c2b')),
        },
        {
          name: 'web-vm-01-data',
          size: 128,
          root: false,
          type: 'attached',
          volume: ref('volume', disk('web-vm-01-data')),
        },
      ],
      auth: [{ type: 'PKI', username: 'azureuser' }],
      datacenter: {
        provider: 'Azure',
        region: 'westeurope',
        zone: '2',
        instanceId: '0f47b100-583c-48e3-a4c0-aefc2c9bbcc1',
        instanceType: 'Standard_D2s_v3',
        imageId:
          'Canonical:0001-com-ubuntu-server-jammy:22_04-lts-gen2:22.04.202409030',
        subnetId: subnetDefault,
        subscriptionId: SUB,
        resourceGroup: 'rg-web',
      },
      networks: [
        ref('network', vnets[0].id!),
        ref('network', subnetDefault),
        ref('network', nicId('rg-web', 'web-vm-01-nic')),
      ],
      tags: [
        { key: 'env', value: 'production' },
        { key: 'cost center', value: 'R&D / web' },
      ],
    });
    expect(validateMaestroEntity(server)).toEqual([]);
  });

  it('takes the IPs of the primary NIC and relates a VM to its managed image', () => {
    const server = translateVirtualMachine(vms[1], lookups);
    expect(server.spec).toMatchObject({
      hostname: 'appwin02',
      status: 'Stopped',
      active: true,
      ipv4Private: '10.0.0.7',
      cpu: 4,
      memory: 32,
      os: { base: 'Windows' },
      auth: [{ type: 'Password', username: 'winadmin' }],
      image: ref('image', images[0].id!),
      datacenter: { imageId: images[0].id, resourceGroup: 'RG-APP' },
    });
    expect(server.spec).not.toHaveProperty('ipv4Public');
    expect(validateMaestroEntity(server)).toEqual([]);
  });

  it('marks a VM being deleted inactive and leaves out what is unknown', () => {
    const server = translateVirtualMachine(vms[2], lookups);
    expect(server.spec).toMatchObject({
      hostname: 'old-vm',
      active: false,
      storage: [{ name: 'old-vm-os', size: 64, root: true, type: 'attached' }],
    });
    for (const field of ['status', 'cpu', 'memory', 'networks', 'image']) {
      expect(server.spec).not.toHaveProperty(field);
    }
    expect((server.spec as any).storage[0]).not.toHaveProperty('volume');
    expect(validateMaestroEntity(server)).toEqual([]);
  });

  it.each([
    ['running', 'Active'],
    ['starting', 'Active'],
    ['stopping', 'Stopped'],
    ['stopped', 'Stopped'],
    ['deallocating', 'Stopped'],
    ['deallocated', 'Stopped'],
  ])('maps power state %s to %s', (power, status) => {
    expect(
      vmStatus(
        powerStateOf([
          { code: 'ProvisioningState/succeeded' },
          { code: `PowerState/${power}` },
        ]),
        'Succeeded',
      ),
    ).toEqual({ status, active: true });
  });
});

describe('storage translations', () => {
  it('attaches a disk to its VM although ARM spells the group in upper case', () => {
    const volume = translateDisk(disks[0]);
    expect(volume.spec).toMatchObject({
      uniqueId: disks[0].id,
      server: ref('server', vms[0].id!),
      status: 'Active',
      active: true,
      size: 128,
      volumeType: 'Premium_LRS',
      iops: 500,
      encrypted: true,
      datacenter: { region: 'westeurope', zone: '2', resourceGroup: 'rg-web' },
    });
    expect(validateMaestroEntity(volume)).toEqual([]);
  });

  it('keeps an unattached disk available and a scale-set disk unrelated', () => {
    expect(translateDisk(disks[1]).spec).toMatchObject({
      status: 'Avaliable',
      encrypted: true,
    });
    expect(translateDisk(disks[1]).spec).not.toHaveProperty('server');
    expect(translateDisk(disks[2]).spec).not.toHaveProperty('server');
  });

  it('relates a snapshot to the disk it copies', () => {
    const snapshot = translateSnapshot(snapshots[0]);
    expect(snapshot.spec).toMatchObject({
      volume: ref('volume', disks[0].id!),
      volumeId: disks[0].id,
      size: 128,
      startTime: '2025-04-01T02:00:00.000Z',
      status: 'Active',
    });
    expect(validateMaestroEntity(snapshot)).toEqual([]);
    const imported = translateSnapshot(snapshots[1]);
    expect(imported.spec).toMatchObject({ status: 'Error' });
    expect(imported.spec).not.toHaveProperty('volume');
  });

  it('translates a managed image', () => {
    const image = translateImage(images[0]);
    expect(image.metadata.title).toBe('win2022-golden');
    expect(image.spec).toMatchObject({
      imageType: 'managed',
      platform: 'Windows',
      hypervisor: 'Hyper-V V2',
      status: 'Active',
      datacenter: { osState: 'Generalized', resourceGroup: 'rg-images' },
    });
    expect(validateMaestroEntity(image)).toEqual([]);
  });
});

describe('network translations', () => {
  it('emits a virtual network and its subnets, in it', () => {
    const [vnet, ...subnets] = translateVirtualNetwork(vnets[0]);
    expect(vnet.spec).toMatchObject({
      type: 'vpc',
      cidr: '10.0.0.0/16',
      status: 'Active',
      properties: {
        addressPrefixes: ['10.0.0.0/16', '10.1.0.0/16'],
        peerings: [
          vnets[0].virtualNetworkPeerings![0].remoteVirtualNetwork!.id,
        ],
      },
    });
    expect(subnets.map(s => s.spec)).toEqual([
      expect.objectContaining({
        type: 'subnet',
        cidr: '10.0.0.0/24',
        network: ref('network', vnets[0].id!),
        properties: { routeTable: routeTables[0].id, ipConfigurationCount: 1 },
      }),
      expect.objectContaining({
        type: 'subnet',
        cidr: '10.1.0.0/26',
        status: 'Updating',
      }),
    ]);
    // The same names the servers refer to.
    expect(subnets[0].metadata.name).toBe(armName(subnetDefault));
    for (const e of [vnet, ...subnets]) {
      expect(validateMaestroEntity(e)).toEqual([]);
    }
  });

  it('puts a NIC in its subnet and a public IP on its NIC', () => {
    const nic = translateNetworkInterface(nics[0]);
    expect(nic.spec).toMatchObject({
      type: 'network-interface',
      network: ref('network', subnetDefault),
      properties: {
        privateIpAddresses: ['10.0.0.4'],
        macAddress: '00-0D-3A-2B-C7-21',
        virtualMachine: vms[0].id,
      },
    });
    const ip = translatePublicIpAddress(publicIps[0]);
    expect(ip.spec).toMatchObject({
      type: 'public-ip',
      network: ref('network', nics[0].id!),
      properties: {
        ipAddress: '20.50.2.81',
        fqdn: 'web01.westeurope.cloudapp.azure.com',
      },
    });
    // A load balancer's frontend IP is not in a Maestro network.
    expect(translatePublicIpAddress(publicIps[1]).spec).not.toHaveProperty(
      'network',
    );
    expect(validateMaestroEntity(nic)).toEqual([]);
    expect(validateMaestroEntity(ip)).toEqual([]);
  });

  it('keeps the routes of a route table', () => {
    const table = translateRouteTable(routeTables[0]);
    expect(table.spec).toMatchObject({
      type: 'route-table',
      properties: {
        routes: [
          {
            name: 'default',
            addressPrefix: '0.0.0.0/0',
            nextHopType: 'VirtualAppliance',
            nextHopIpAddress: '10.1.0.4',
          },
        ],
        subnets: [subnetDefault],
      },
    });
    expect(validateMaestroEntity(table)).toEqual([]);
  });
});
