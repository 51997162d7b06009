/**
 * Microsoft.Compute resources (VMs, managed disks, snapshots, images) as
 * the Compute REST API reference shows them in list responses.
 */
import { ArmResource, AzureGenerator } from './azureGenerator';

/** Marketplace images the generated VMs are built from. */
export const MARKETPLACE_IMAGES = [
  {
    osType: 'Linux',
    reference: {
      publisher: 'Canonical',
      offer: '0001-com-ubuntu-server-jammy',
      sku: '22_04-lts-gen2',
      version: 'latest',
      exactVersion: '22.04.202409030',
    },
  },
  {
    osType: 'Linux',
    reference: {
      publisher: 'RedHat',
      offer: 'RHEL',
      sku: '9-lvm-gen2',
      version: 'latest',
      exactVersion: '9.4.2024081415',
    },
  },
  {
    osType: 'Windows',
    reference: {
      publisher: 'MicrosoftWindowsServer',
      offer: 'WindowsServer',
      sku: '2022-datacenter-azure-edition',
      version: 'latest',
      exactVersion: '20348.2655.240905',
    },
  },
];

export function managedDisk(
  g: AzureGenerator,
  resourceGroup: string,
  name: string,
  opts: { size: number; osType?: string; managedBy?: string; zone?: string },
): ArmResource {
  const sku = g.pick(['Premium_LRS', 'StandardSSD_LRS', 'Standard_LRS']);
  return {
    id: g.id(resourceGroup, 'Microsoft.Compute/disks', name),
    name,
    type: 'Microsoft.Compute/disks',
    location: g.location,
    tags: {},
    zones: opts.zone ? [opts.zone] : undefined,
    // ARM often writes the resource group of managedBy in upper case.
    managedBy: opts.managedBy?.replace(
      /\/resourceGroups\/([^/]+)\//,
      (_, group: string) => `/resourceGroups/${group.toUpperCase()}/`,
    ),
    sku: { name: sku, tier: sku.split('_')[0].replace('SSD', '') },
    properties: {
      osType: opts.osType,
      hyperVGeneration: opts.osType ? 'V2' : undefined,
      creationData: { createOption: opts.osType ? 'FromImage' : 'Empty' },
      diskSizeGB: opts.size,
      diskIOPSReadWrite: opts.size >= 128 ? 500 : 120,
      diskMBpsReadWrite: opts.size >= 128 ? 100 : 25,
      encryption: { type: 'EncryptionAtRestWithPlatformKey' },
      networkAccessPolicy: 'AllowAll',
      publicNetworkAccess: 'Enabled',
      timeCreated: g.date(Math.floor(g.rand() * 300)),
      provisioningState: 'Succeeded',
      diskState: opts.managedBy ? 'Attached' : 'Unattached',
      diskSizeBytes: opts.size * 1024 ** 3,
      uniqueId: g.guid(),
    },
  };
}

export function managedImage(
  g: AzureGenerator,
  resourceGroup: string,
  name: string,
): ArmResource {
  return {
    id: g.id(resourceGroup, 'Microsoft.Compute/images', name),
    name,
    type: 'Microsoft.Compute/images',
    location: g.location,
    tags: { purpose: 'golden-image' },
    properties: {
      storageProfile: {
        osDisk: {
          osType: 'Linux',
          osState: 'Generalized',
          diskSizeGB: 30,
          caching: 'ReadWrite',
          storageAccountType: 'Standard_LRS',
        },
        dataDisks: [],
        zoneResilient: false,
      },
      provisioningState: 'Succeeded',
      hyperVGeneration: 'V2',
    },
  };
}

/** An incremental snapshot copied from a managed disk. */
export function snapshotOf(
  g: AzureGenerator,
  resourceGroup: string,
  name: string,
  source: ArmResource | undefined,
  day: number,
): ArmResource {
  return {
    id: g.id(resourceGroup, 'Microsoft.Compute/snapshots', name),
    name,
    type: 'Microsoft.Compute/snapshots',
    location: g.location,
    tags: { schedule: 'nightly' },
    sku: { name: 'Standard_LRS', tier: 'Standard' },
    properties: {
      osType: source?.properties.osType,
      creationData: source
        ? {
            createOption: 'Copy',
            sourceResourceId: source.id,
            sourceUniqueId: source.properties.uniqueId,
          }
        : { createOption: 'Empty' },
      diskSizeGB: source?.properties.diskSizeGB ?? 32,
      encryption: { type: 'EncryptionAtRestWithPlatformKey' },
      incremental: true,
      timeCreated: g.date(day),
      provisioningState: 'Succeeded',
      diskState: 'Unattached',
      uniqueId: g.guid(),
    },
  };
}

const dataDiskOf = (disk: ArmResource, lun: number) => ({
  lun,
  name: disk.name,
  createOption: 'Attach',
  caching: 'None',
  managedDisk: { storageAccountType: disk.sku!.name, id: disk.id },
  deleteOption: 'Detach',
  diskSizeGB: disk.properties.diskSizeGB,
  toBeDetached: false,
});

function osProfile(
  g: AzureGenerator,
  computerName: string,
  linux: boolean,
  n: number,
) {
  const configuration = linux
    ? {
        linuxConfiguration: {
          disablePasswordAuthentication: n % 4 !== 1,
          ssh: {
            publicKeys: [
              {
                path: '/home/azureuser/.ssh/authorized_keys',
                keyData: `ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI${g.hex(
                  43,
                )} generated-by-azure`,
              },
            ],
          },
          provisionVMAgent: true,
        },
      }
    : {
        windowsConfiguration: {
          provisionVMAgent: true,
          enableAutomaticUpdates: true,
        },
      };
  return {
    computerName,
    adminUsername: linux ? 'azureuser' : 'winadmin',
    ...configuration,
    secrets: [],
    allowExtensionOperations: true,
    requireGuestProvisionSignal: true,
  };
}

/** A VM with its OS disk, data disks and NIC, built from an image. */
export function virtualMachine(
  g: AzureGenerator,
  opts: {
    id: string;
    name: string;
    n: number;
    vmSize: string;
    zone?: string;
    tags: Record<string, string>;
    computerName: string;
    image: (typeof MARKETPLACE_IMAGES)[number];
    /** A managed image to build from instead of the marketplace one. */
    managedImageId?: string;
    osDisk: ArmResource;
    dataDisks: ArmResource[];
    nicId: string;
  },
): ArmResource {
  const { osDisk } = opts;
  return {
    id: opts.id,
    name: opts.name,
    type: 'Microsoft.Compute/virtualMachines',
    location: g.location,
    tags: opts.tags,
    zones: opts.zone ? [opts.zone] : undefined,
    properties: {
      vmId: g.guid(),
      hardwareProfile: { vmSize: opts.vmSize },
      storageProfile: {
        imageReference: opts.managedImageId
          ? { id: opts.managedImageId }
          : opts.image.reference,
        osDisk: {
          osType: opts.image.osType,
          name: osDisk.name,
          createOption: 'FromImage',
          caching: 'ReadWrite',
          managedDisk: { storageAccountType: osDisk.sku!.name, id: osDisk.id },
          deleteOption: 'Delete',
          diskSizeGB: osDisk.properties.diskSizeGB,
        },
        dataDisks: opts.dataDisks.map(dataDiskOf),
        diskControllerType: 'SCSI',
      },
      osProfile: osProfile(
        g,
        opts.computerName,
        opts.image.osType === 'Linux',
        opts.n,
      ),
      networkProfile: {
        networkInterfaces: [
          { id: opts.nicId, properties: { deleteOption: 'Detach' } },
        ],
      },
      diagnosticsProfile: { bootDiagnostics: { enabled: true } },
      provisioningState: 'Succeeded',
      timeCreated: g.date(opts.n % 300),
    },
  };
}
