import type { Disk, Image, Snapshot } from '@azure/arm-compute';
import { DiscoveredEntity } from '@maestro/plugin-maestro-node';
import {
  entity,
  isArmType,
  isoDate,
  placement,
  provisioningStatus,
  ref,
} from './common';

const DISK_STATUS: Record<string, string> = {
  Attached: 'Active',
  Reserved: 'Active',
  ActiveSAS: 'Active',
  ActiveSASFrozen: 'Active',
  Frozen: 'Active',
  ActiveUpload: 'Active',
  ReadyToUpload: 'Avaliable', // Maestro's option list spells it so.
  Unattached: 'Avaliable',
};

/** Platform-managed keys still encrypt at rest; only a missing setting is unknown. */
const encrypted = (encryption: { type?: string } | undefined) =>
  encryption?.type ? encryption.type.startsWith('EncryptionAtRest') : undefined;

/** The VM a disk is attached to; scale-set instances are not Servers here. */
function attachedVm(managedBy: string | undefined) {
  return managedBy && isArmType(managedBy, 'Microsoft.Compute/virtualMachines')
    ? managedBy
    : undefined;
}

/** A managed disk (disks.list) as a Maestro Volume, attached to its VM. */
export function translateDisk(disk: Disk): DiscoveredEntity {
  const vm = attachedVm(disk.managedBy);
  return entity('Volume', disk, {
    status:
      disk.provisioningState === 'Failed'
        ? 'Error'
        : disk.diskState && DISK_STATUS[disk.diskState],
    active: disk.provisioningState !== 'Deleting',
    size: disk.diskSizeGB,
    volumeType: disk.sku?.name,
    iops: disk.diskIopsReadWrite,
    encrypted: encrypted(disk.encryption),
    server: vm ? ref('server', vm) : undefined,
    datacenter: placement(disk.id!, disk.location, disk.zones),
  });
}

/** A snapshot (snapshots.list) as a Maestro Snapshot of the disk it copies. */
export function translateSnapshot(snapshot: Snapshot): DiscoveredEntity {
  const source = snapshot.creationData?.sourceResourceId;
  const volumeId = isArmType(source, 'Microsoft.Compute/disks')
    ? source
    : undefined;
  return entity('Snapshot', snapshot, {
    volume: volumeId ? ref('volume', volumeId) : undefined,
    volumeId,
    size: snapshot.diskSizeGB,
    startTime: isoDate(snapshot.timeCreated),
    encrypted: encrypted(snapshot.encryption),
    status: provisioningStatus(snapshot.provisioningState),
    active: snapshot.provisioningState !== 'Deleting',
    datacenter: placement(snapshot.id!, snapshot.location),
  });
}

/** A managed image (images.list) as a Maestro Image. */
export function translateImage(image: Image): DiscoveredEntity {
  const osDisk = image.storageProfile?.osDisk;
  return entity('Image', image, {
    imageType: 'managed',
    platform: osDisk?.osType,
    hypervisor: image.hyperVGeneration
      ? `Hyper-V ${image.hyperVGeneration}`
      : undefined,
    status: provisioningStatus(image.provisioningState),
    active: image.provisioningState !== 'Deleting',
    datacenter: placement(image.id!, image.location, undefined, {
      osState: osDisk?.osState,
    }),
  });
}
