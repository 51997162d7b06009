import { FakeAzureLocation } from './azureData';

/** A resource collection ARM lists, and what a caller needs to read it. */
export interface ArmCollection {
  /** e.g. `Microsoft.Compute/virtualMachines`. */
  type: string;
  /** The location's array it lists. */
  key: keyof Omit<FakeAzureLocation, 'name' | 'powerStates'>;
  /** The api-versions the fake accepts (the SDKs' and earlier stable ones). */
  apiVersions: string[];
}

const COMPUTE_VERSIONS = [
  '2021-03-01',
  '2021-07-01',
  '2021-11-01',
  '2022-03-01',
  '2022-08-01',
  '2022-11-01',
  '2023-03-01',
  '2023-07-01',
  '2023-09-01',
  '2024-03-01',
  '2024-07-01',
  '2024-11-01',
  '2025-04-01',
  '2026-04-01',
];

const DISK_VERSIONS = [
  '2021-04-01',
  '2021-08-01',
  '2021-12-01',
  '2022-03-02',
  '2022-07-02',
  '2023-01-02',
  '2023-04-02',
  '2023-10-02',
  '2024-03-02',
  '2025-01-02',
  '2026-03-02',
];

const NETWORK_VERSIONS = [
  '2022-01-01',
  '2022-05-01',
  '2022-07-01',
  '2022-09-01',
  '2022-11-01',
  '2023-02-01',
  '2023-04-01',
  '2023-05-01',
  '2023-06-01',
  '2023-09-01',
  '2023-11-01',
  '2024-01-01',
  '2024-03-01',
  '2024-05-01',
  '2024-07-01',
  '2024-10-01',
  '2025-01-01',
  '2026-01-01',
];

export const ARM_COLLECTIONS: ArmCollection[] = [
  {
    type: 'Microsoft.Compute/virtualMachines',
    key: 'virtualMachines',
    apiVersions: COMPUTE_VERSIONS,
  },
  {
    type: 'Microsoft.Compute/images',
    key: 'images',
    apiVersions: COMPUTE_VERSIONS,
  },
  { type: 'Microsoft.Compute/disks', key: 'disks', apiVersions: DISK_VERSIONS },
  {
    type: 'Microsoft.Compute/snapshots',
    key: 'snapshots',
    apiVersions: DISK_VERSIONS,
  },
  {
    type: 'Microsoft.Network/networkInterfaces',
    key: 'networkInterfaces',
    apiVersions: NETWORK_VERSIONS,
  },
  {
    type: 'Microsoft.Network/publicIPAddresses',
    key: 'publicIPAddresses',
    apiVersions: NETWORK_VERSIONS,
  },
  {
    type: 'Microsoft.Network/virtualNetworks',
    key: 'virtualNetworks',
    apiVersions: NETWORK_VERSIONS,
  },
  {
    type: 'Microsoft.Network/routeTables',
    key: 'routeTables',
    apiVersions: NETWORK_VERSIONS,
  },
];

/** VM sizes of a location share the compute api-versions. */
export const VM_SIZES_API_VERSIONS = COMPUTE_VERSIONS;

/** ARM paths and types are case-insensitive. */
export function findCollection(type: string): ArmCollection | undefined {
  const wanted = type.toLowerCase();
  return ARM_COLLECTIONS.find(c => c.type.toLowerCase() === wanted);
}

/** What an ARM GET path lists: a collection, maybe of one resource group, or a location's VM sizes. */
export type ArmRoute = ArmCollection & {
  resourceGroup?: string;
  /** Set for `/providers/Microsoft.Compute/locations/{location}/vmSizes`. */
  sizesOf?: string;
};

/** Resolves `/subscriptions/{s}[/resourceGroups/{rg}]/providers/{ns}/{type}` (path split on `/`). */
export function resolveArmRoute(parts: string[]): ArmRoute | undefined {
  const lower = parts.map(p => p.toLowerCase());
  if (
    parts.length === 7 &&
    lower[2] === 'providers' &&
    lower[3] === 'microsoft.compute' &&
    lower[4] === 'locations' &&
    lower[6] === 'vmsizes'
  ) {
    return {
      type: 'Microsoft.Compute/locations/vmSizes',
      key: 'virtualMachines',
      apiVersions: VM_SIZES_API_VERSIONS,
      sizesOf: parts[5],
    };
  }
  const inGroup = lower[2] === 'resourcegroups';
  const rest = inGroup ? parts.slice(4) : parts.slice(2);
  if (rest.length !== 3 || rest[0].toLowerCase() !== 'providers') {
    return undefined;
  }
  const collection = findCollection(`${rest[1]}/${rest[2]}`);
  return (
    collection && {
      ...collection,
      resourceGroup: inGroup ? parts[3] : undefined,
    }
  );
}
