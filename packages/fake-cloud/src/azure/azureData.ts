/**
 * Generated contents of a fake Azure subscription, location by location,
 * as ARM returns them: each resource has the `id`, `name`, `type`,
 * `location`, `tags` and `properties` of the Azure REST API reference.
 */
import {
  MARKETPLACE_IMAGES,
  managedDisk,
  managedImage,
  snapshotOf,
  virtualMachine,
} from './azureCompute';
import { ArmResource, azureGenerator } from './azureGenerator';
import {
  FakeSubnet,
  ipv4,
  networkInterface,
  publicIpAddress,
  routeTable,
  virtualNetwork,
} from './azureNetwork';

export type { ArmResource } from './azureGenerator';
export { armId } from './azureGenerator';

/** The `PowerState/<state>` codes of a VM instance view. */
export type AzurePowerState =
  | 'starting'
  | 'running'
  | 'stopping'
  | 'stopped'
  | 'deallocating'
  | 'deallocated';

export const POWER_STATES: AzurePowerState[] = [
  'running',
  'stopped',
  'deallocated',
  'starting',
  'stopping',
  'deallocating',
];

/** A VM size as `virtualMachineSizes.list` returns it (Azure's published sizes). */
export interface AzureVmSize {
  name: string;
  numberOfCores: number;
  osDiskSizeInMB: number;
  resourceDiskSizeInMB: number;
  memoryInMB: number;
  maxDataDiskCount: number;
}

const vmSize = (
  name: string,
  numberOfCores: number,
  memoryInMB: number,
  resourceDiskSizeInMB: number,
  maxDataDiskCount: number,
): AzureVmSize => ({
  name,
  numberOfCores,
  osDiskSizeInMB: 1047552,
  resourceDiskSizeInMB,
  memoryInMB,
  maxDataDiskCount,
});

export const VM_SIZES: AzureVmSize[] = [
  vmSize('Standard_B1s', 1, 1024, 4096, 2),
  vmSize('Standard_B2s', 2, 4096, 8192, 4),
  vmSize('Standard_D2s_v3', 2, 8192, 16384, 4),
  vmSize('Standard_D4s_v3', 4, 16384, 32768, 8),
  vmSize('Standard_D2s_v5', 2, 8192, 0, 4),
  vmSize('Standard_E4s_v5', 4, 32768, 0, 8),
  vmSize('Standard_F8s_v2', 8, 16384, 65536, 16),
];

/** What one location of the subscription holds; tests may change it between scans. */
export interface FakeAzureLocation {
  name: string;
  virtualMachines: ArmResource[];
  /** Power state of each VM's instance view, by VM id. */
  powerStates: Map<string, AzurePowerState>;
  disks: ArmResource[];
  snapshots: ArmResource[];
  images: ArmResource[];
  networkInterfaces: ArmResource[];
  publicIPAddresses: ArmResource[];
  virtualNetworks: ArmResource[];
  routeTables: ArmResource[];
}

export interface AzureGenerationOptions {
  /** Locations of the subscription. Default `['eastus', 'westeurope']`. */
  locations?: string[];
  /** VMs per location, in every power state, each with its OS disk and NIC. Default 20. */
  vmsPerLocation?: number;
  /** Unattached managed disks per location. Default 3. */
  extraDisksPerLocation?: number;
  /** Snapshots (of OS disks) per location. Default 4. */
  snapshotsPerLocation?: number;
  /** Managed images per location. Default 2. */
  imagesPerLocation?: number;
  /** Seed of the generator (same seed, same data). Default 42. */
  seed?: number;
}

/**
 * One location: VMs spread over two resource groups (`rg-<location>-web`
 * and `-data`), each with an OS disk, 0-2 data disks and a NIC in one of the
 * two subnets of the location's virtual network (every third VM also with
 * a public IP), spare disks, snapshots, managed images and a route table.
 */
export function generateAzureLocation(
  subscriptionId: string,
  location: string,
  index: number,
  options: AzureGenerationOptions = {},
): FakeAzureLocation {
  const g = azureGenerator(
    (options.seed ?? 42) + index * 7919,
    subscriptionId,
    location,
  );
  const webRg = `rg-${location}-web`;
  const dataRg = `rg-${location}-data`;
  const vnetId = g.id(
    webRg,
    'Microsoft.Network/virtualNetworks',
    `vnet-${location}`,
  );
  const routeTableId = g.id(
    webRg,
    'Microsoft.Network/routeTables',
    `rt-${location}`,
  );
  const subnets: FakeSubnet[] = [
    ['snet-web', 0, routeTableId] as const,
    ['snet-data', 128, undefined] as const,
  ].map(([name, third, routes]) => ({
    name,
    id: `${vnetId}/subnets/${name}`,
    addressPrefix: `10.${index}.${third}.0/17`,
    base: [10, index, third],
    used: 4,
    ipConfigurations: [],
    routeTableId: routes,
  }));
  const out: FakeAzureLocation = {
    name: location,
    virtualMachines: [],
    powerStates: new Map(),
    disks: [],
    snapshots: [],
    images: Array.from({ length: options.imagesPerLocation ?? 2 }, (_, n) =>
      managedImage(g, webRg, `img-${location}-golden-${n + 1}`),
    ),
    networkInterfaces: [],
    publicIPAddresses: [],
    virtualNetworks: [],
    routeTables: [],
  };

  for (let n = 0; n < (options.vmsPerLocation ?? 20); n++) {
    const name = `vm-${location}-${String(n + 1).padStart(4, '0')}`;
    const rg = n % 2 ? dataRg : webRg;
    const id = g.id(rg, 'Microsoft.Compute/virtualMachines', name);
    const size = g.pick(VM_SIZES).name;
    const zone =
      g.rand() < 0.7 ? String(1 + Math.floor(g.rand() * 3)) : undefined;
    const image = g.pick(MARKETPLACE_IMAGES);
    const env = g.pick(['production', 'staging', 'development']);
    const tags: Record<string, string> = { environment: env };
    if (n % 3 === 0) tags['cost center'] = 'R&D / web';

    const osDisk = managedDisk(g, rg, `${name}_OsDisk_1_${g.hex(32)}`, {
      size: image.osType === 'Windows' ? 127 : 30,
      osType: image.osType,
      managedBy: id,
      zone,
    });
    const dataDisks = Array.from({ length: n % 3 }, (_, lun) =>
      managedDisk(g, rg, `${name}-data-${lun}`, {
        size: g.pick([64, 128, 256, 512]),
        managedBy: id,
        zone,
      }),
    );
    out.disks.push(osDisk, ...dataDisks);

    const nicId = g.id(
      rg,
      'Microsoft.Network/networkInterfaces',
      `${name}-nic`,
    );
    const publicIpId =
      n % 3 === 0
        ? g.id(rg, 'Microsoft.Network/publicIPAddresses', `${name}-ip`)
        : undefined;
    const nic = networkInterface(g, {
      id: nicId,
      name: `${name}-nic`,
      vmId: id,
      subnet: subnets[n % 2],
      publicIpId,
      acceleratedNetworking: size !== 'Standard_B1s',
    });
    out.networkInterfaces.push(nic);
    if (publicIpId) {
      out.publicIPAddresses.push(
        publicIpAddress(g, {
          id: publicIpId,
          name: `${name}-ip`,
          ipAddress: ipv4([20, 40 + index, 0], 10 + n),
          ipConfigurationId: nic.properties.ipConfigurations[0].id,
          zone,
        }),
      );
    }
    out.virtualMachines.push(
      virtualMachine(g, {
        id,
        name,
        n,
        vmSize: size,
        zone,
        tags,
        computerName: `${env.slice(0, 4)}-${
          image.osType === 'Linux' ? 'lnx' : 'win'
        }-${n + 1}`,
        image,
        managedImageId:
          n % 5 === 4 && out.images.length
            ? out.images[n % out.images.length].id
            : undefined,
        osDisk,
        dataDisks,
        nicId,
      }),
    );
    out.powerStates.set(id, POWER_STATES[n % POWER_STATES.length]);
  }

  for (let n = 0; n < (options.extraDisksPerLocation ?? 3); n++) {
    out.disks.push(
      managedDisk(g, dataRg, `disk-${location}-spare-${n + 1}`, {
        size: g.pick([32, 128, 1024]),
      }),
    );
  }
  const osDisks = out.disks.filter(d => d.properties.osType);
  for (let n = 0; n < (options.snapshotsPerLocation ?? 4); n++) {
    out.snapshots.push(
      snapshotOf(
        g,
        dataRg,
        `snap-${location}-${n + 1}`,
        osDisks.length ? osDisks[n % osDisks.length] : undefined,
        300 + n,
      ),
    );
  }
  out.routeTables.push(
    routeTable(g, {
      id: routeTableId,
      name: `rt-${location}`,
      nextHop: `10.${index}.0.4`,
      subnetIds: subnets.filter(s => s.routeTableId).map(s => s.id),
    }),
  );
  out.virtualNetworks.push(
    virtualNetwork(g, {
      id: vnetId,
      name: `vnet-${location}`,
      addressPrefix: `10.${index}.0.0/16`,
      subnets,
    }),
  );
  return out;
}
