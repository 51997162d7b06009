import type {
  ImageReference,
  InstanceViewStatus,
  VirtualMachine,
} from '@azure/arm-compute';
import { DiscoveredEntity } from '@maestro/plugin-maestro-node';
import {
  compact,
  entity,
  isArmType,
  nonEmpty,
  parseArmId,
  placement,
  ref,
} from './common';

/** What a VM's own listing lacks, gathered from other listings first. */
export interface VmLookups {
  /** `PowerState/<state>` of each VM (statusOnly listing), by lower-case VM id. */
  powerStates: Map<string, string>;
  /** Network interfaces by lower-case id. */
  interfaces: Map<string, NicSummary>;
  /** Public IP addresses by lower-case id of the public IP resource. */
  publicIps: Map<string, string>;
  /** vCPUs and memory (GB) by `<location>/<size name>`, lower case. */
  sizes: Map<string, { cpu: number; memory: number }>;
}

/** The primary IPv4 configuration of a network interface. */
export interface NicSummary {
  privateIp?: string;
  publicIpId?: string;
  subnetId?: string;
}

export const sizeKey = (location: string, size: string) =>
  `${location}/${size}`.toLowerCase();

/** The power state in an instance view's statuses, e.g. `running`. */
export function powerStateOf(statuses: InstanceViewStatus[] | undefined) {
  const code = statuses?.find(s => s.code?.startsWith('PowerState/'))?.code;
  return code?.slice('PowerState/'.length);
}

/** Maestro's status of a VM; a VM being deleted is inactive. */
export function vmStatus(
  powerState: string | undefined,
  provisioningState: string | undefined,
): { status?: string; active: boolean } {
  const active = provisioningState !== 'Deleting';
  switch (powerState) {
    case 'running':
    case 'starting':
      return { status: 'Active', active };
    case 'stopping':
    case 'stopped':
    case 'deallocating':
    case 'deallocated':
      return { status: 'Stopped', active };
    default:
      return { active };
  }
}

const DISTRIBUTIONS: Array<[RegExp, string]> = [
  [/ubuntu/i, 'Ubuntu'],
  [/rhel|redhat/i, 'RedHat'],
  [/centos/i, 'CentOS'],
  [/debian/i, 'Debian'],
  [/sles|suse/i, 'SUSE'],
  [/oracle/i, 'Oracle Linux'],
  [/windowsserver/i, 'Windows Server'],
];

/** OS base from the OS disk, distribution from a marketplace image. */
function operatingSystem(vm: VirtualMachine) {
  const base = vm.storageProfile?.osDisk?.osType;
  const image = vm.storageProfile?.imageReference;
  const offer = `${image?.publisher ?? ''} ${image?.offer ?? ''}`;
  const dist = DISTRIBUTIONS.find(([pattern]) => pattern.test(offer))?.[1];
  return base || dist ? compact({ base, dist }) : undefined;
}

/** A marketplace image as its URN, a managed or gallery image by id. */
function imageId(image: ImageReference | undefined) {
  if (!image) return undefined;
  if (image.id) return image.id;
  if (image.publisher && image.offer && image.sku) {
    const version = image.exactVersion ?? image.version ?? 'latest';
    return `${image.publisher}:${image.offer}:${image.sku}:${version}`;
  }
  return image.sharedGalleryImageId ?? image.communityGalleryImageId;
}

/** Who logs in and how: SSH keys or a password for the admin user (never the key). */
function auth(vm: VirtualMachine) {
  const profile = vm.osProfile;
  if (!profile?.adminUsername) return undefined;
  const username = profile.adminUsername;
  const linux = profile.linuxConfiguration;
  const out: Array<{ type: string; username: string }> = [];
  if (linux?.ssh?.publicKeys?.length) out.push({ type: 'PKI', username });
  if (!linux || !linux.disablePasswordAuthentication) {
    out.push({ type: 'Password', username });
  }
  return nonEmpty(out);
}

/** OS and data disks; managed ones are attached volumes. */
function storage(vm: VirtualMachine) {
  const profile = vm.storageProfile;
  const disk = (
    d: { name?: string; diskSizeGB?: number; managedDisk?: { id?: string } },
    root: boolean,
  ) =>
    compact({
      name: d.name ?? (root ? 'os' : 'data'),
      size: d.diskSizeGB,
      root,
      type: 'attached' as const,
      volume: d.managedDisk?.id ? ref('volume', d.managedDisk.id) : undefined,
    });
  return nonEmpty([
    ...(profile?.osDisk ? [disk(profile.osDisk, true)] : []),
    ...(profile?.dataDisks ?? []).map(d => disk(d, false)),
  ]);
}

/** A VM (virtualMachines.listAll) as a Maestro Server. */
export function translateVirtualMachine(
  vm: VirtualMachine,
  lookups: VmLookups,
): DiscoveredEntity {
  const id = vm.id!;
  const nics = (vm.networkProfile?.networkInterfaces ?? [])
    .filter(n => n.id)
    .map(n => ({
      id: n.id!,
      primary: n.primary,
      ...lookups.interfaces.get(n.id!.toLowerCase()),
    }));
  // With several NICs, ARM marks one primary; a single NIC is primary.
  const primary = nics.find(n => n.primary) ?? nics[0];
  const size = vm.hardwareProfile?.vmSize;
  const flavor =
    size && vm.location
      ? lookups.sizes.get(sizeKey(vm.location, size))
      : undefined;
  const image = vm.storageProfile?.imageReference;
  const subnets = [
    ...new Set(nics.map(n => n.subnetId).filter(Boolean)),
  ] as string[];
  const vnets = [
    ...new Set(subnets.map(s => s.replace(/\/subnets\/[^/]+$/i, ''))),
  ];
  return entity('Server', vm, {
    hostname: vm.osProfile?.computerName || vm.name || parseArmId(id).name,
    ...vmStatus(
      lookups.powerStates.get(id.toLowerCase()),
      vm.provisioningState,
    ),
    ipv4Private: primary?.privateIp,
    ipv4Public: primary?.publicIpId
      ? lookups.publicIps.get(primary.publicIpId.toLowerCase())
      : undefined,
    cpu: flavor?.cpu,
    memory: flavor?.memory,
    os: operatingSystem(vm),
    storage: storage(vm),
    auth: auth(vm),
    datacenter: placement(id, vm.location, vm.zones, {
      instanceId: vm.vmId,
      instanceType: size,
      imageId: imageId(image),
      subnetId: primary?.subnetId,
    }),
    image:
      image?.id && isArmType(image.id, 'Microsoft.Compute/images')
        ? ref('image', image.id)
        : undefined,
    networks: nonEmpty([
      ...vnets.map(v => ref('network', v)),
      ...subnets.map(s => ref('network', s)),
      ...nics.map(n => ref('network', n.id)),
    ]),
  });
}
