import { isoSeconds, uuidFor, BASE_TIME } from './ids';
import { FakeFlavor, FakeImage, ProjectIdentity } from './openstackTypes';

/** DevStack's default flavors (ids `1`..`5`, `c1`, `d1`). */
const DEVSTACK_FLAVORS: Array<[string, string, number, number, number]> = [
  ['1', 'm1.tiny', 1, 512, 1],
  ['2', 'm1.small', 1, 2048, 20],
  ['3', 'm1.medium', 2, 4096, 40],
  ['4', 'm1.large', 4, 8192, 80],
  ['5', 'm1.xlarge', 8, 16384, 160],
  ['c1', 'cirros256', 1, 256, 1],
  ['d1', 'ds512M', 1, 512, 5],
];

/** DevStack's flavors, then `extra` more with UUID ids (a third private). */
export function generateFlavors(extra: number): FakeFlavor[] {
  const flavor = (
    id: string,
    name: string,
    vcpus: number,
    ram: number,
    disk: number,
    isPublic = true,
  ): FakeFlavor => ({
    id,
    name,
    vcpus,
    ram,
    disk,
    'OS-FLV-EXT-DATA:ephemeral': 0,
    'OS-FLV-DISABLED:disabled': false,
    'os-flavor-access:is_public': isPublic,
    swap: '',
    rxtx_factor: 1,
    description: null,
  });
  return [
    ...DEVSTACK_FLAVORS.map(f => flavor(...f)),
    ...Array.from({ length: extra }, (_, i) =>
      flavor(
        uuidFor(`flavor/${i}`),
        `custom.${i}`,
        2 + (i % 4) * 2,
        4096 * (1 + (i % 4)),
        40,
        i % 3 !== 0,
      ),
    ),
  ];
}

/** Glance images: public cirros and ubuntu, then private ones; the last of more than three deactivated. */
export function generateImages(
  key: (kind: string, n: number) => string,
  count: number,
  ids: ProjectIdentity,
): FakeImage[] {
  const known = [
    ['cirros-0.6.2-x86_64-disk', 'cirros', '0.6.2', 'public'],
    ['ubuntu-22.04', 'ubuntu', '22.04', 'public'],
    ['debian-12-app', 'debian', '12', 'private'],
    ['windows-server-2022', 'windows', '2022', 'private'],
  ];
  return Array.from({ length: count }, (_, i) => {
    const [name, distro, version, visibility] = known[i] ?? [
      `app-image-${i}`,
      'ubuntu',
      '24.04',
      'private',
    ];
    const id = uuidFor(key('image', i));
    return {
      id,
      name,
      status: i === count - 1 && count > 3 ? 'deactivated' : 'active',
      visibility: visibility as FakeImage['visibility'],
      container_format: 'bare',
      disk_format: 'qcow2',
      min_disk: i === 0 ? 0 : 10,
      min_ram: 0,
      size: 21430272 + i * 1048576,
      virtual_size: 117440512 + i * 1048576,
      checksum: id.replace(/-/g, ''),
      os_hash_algo: 'sha512',
      os_hash_value: `${id.replace(/-/g, '')}`.repeat(4),
      os_hidden: false,
      protected: false,
      owner: visibility === 'public' ? ids.adminProjectId : ids.projectId,
      tags: [],
      created_at: isoSeconds(BASE_TIME - i * 86400000),
      updated_at: isoSeconds(BASE_TIME - i * 86400000),
      os_distro: distro,
      os_version: version,
      architecture: 'x86_64',
      hypervisor_type: 'qemu',
    };
  });
}
