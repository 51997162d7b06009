import type { Disk, Image, Snapshot, VirtualMachine } from '@azure/arm-compute';
import { DiscoveryTask } from '@maestro/plugin-maestro-node';
import {
  VmLookups,
  translateVirtualMachine,
} from '../translate/virtualMachine';
import {
  translateDisk,
  translateImage,
  translateSnapshot,
} from '../translate/storage';
import { armTask } from './armTask';
import { VM_LOOKUPS, VM_READ } from './vmLookups';

export const SERVER_LIST: DiscoveryTask = armTask<VmLookups>({
  name: 'server-list',
  description:
    'Virtual machines with their power state, IPs, size (vCPUs, memory) and disks',
  lookups: VM_LOOKUPS,
  listings: [
    {
      permission: VM_READ,
      label: 'virtual machines',
      pages: clients => clients.compute.virtualMachines.listAll().byPage(),
      translate: (vm: VirtualMachine, lookups) => [
        translateVirtualMachine(vm, lookups),
      ],
    },
  ],
});

export const VOLUMES_LIST: DiscoveryTask = armTask({
  name: 'volumes-list',
  description: 'Managed disks and the virtual machines they are attached to',
  listings: [
    {
      permission: 'Microsoft.Compute/disks/read',
      label: 'managed disks',
      pages: clients => clients.compute.disks.list().byPage(),
      translate: (disk: Disk) => [translateDisk(disk)],
    },
  ],
});

export const SNAPSHOT_LIST: DiscoveryTask = armTask({
  name: 'snapshot-list',
  description: 'Disk snapshots',
  listings: [
    {
      permission: 'Microsoft.Compute/snapshots/read',
      label: 'snapshots',
      pages: clients => clients.compute.snapshots.list().byPage(),
      translate: (snapshot: Snapshot) => [translateSnapshot(snapshot)],
    },
  ],
});

export const IMAGES_LIST: DiscoveryTask = armTask({
  name: 'images-list',
  description: 'Managed images',
  listings: [
    {
      permission: 'Microsoft.Compute/images/read',
      label: 'images',
      pages: clients => clients.compute.images.list().byPage(),
      translate: (image: Image) => [translateImage(image)],
    },
  ],
});
