/** DigitalOcean's public catalog the fake draws from: regions, sizes, distribution images. */

import { DoImage, DoRegion, DoSize } from './doTypes';

const REGION_NAMES: Record<string, string> = {
  nyc1: 'New York 1',
  nyc3: 'New York 3',
  sfo2: 'San Francisco 2',
  sfo3: 'San Francisco 3',
  ams3: 'Amsterdam 3',
  fra1: 'Frankfurt 1',
  lon1: 'London 1',
  sgp1: 'Singapore 1',
  tor1: 'Toronto 1',
  blr1: 'Bangalore 1',
  syd1: 'Sydney 1',
};

export const SIZES: Array<Omit<DoSize, 'regions' | 'available'>> = [
  size('s-1vcpu-1gb', 1, 1024, 25, 1, 6),
  size('s-1vcpu-2gb', 1, 2048, 50, 2, 12),
  size('s-2vcpu-4gb', 2, 4096, 80, 4, 24),
  size('s-4vcpu-8gb', 4, 8192, 160, 5, 48),
  size('g-2vcpu-8gb', 2, 8192, 25, 4, 63),
];

function size(
  slug: string,
  vcpus: number,
  memory: number,
  disk: number,
  transfer: number,
  monthly: number,
) {
  return {
    slug,
    vcpus,
    memory,
    disk,
    transfer,
    price_monthly: monthly,
    price_hourly: Math.round((monthly / 672) * 100000) / 100000,
    description: slug.startsWith('g-') ? 'General Purpose' : 'Basic',
  };
}

/** Public distribution images droplets are built from. */
export const DISTRIBUTIONS: Array<[number, string, string, string]> = [
  [129211873, 'ubuntu-22-04-x64', 'Ubuntu', '22.04 (LTS) x64'],
  [160232537, 'ubuntu-24-04-x64', 'Ubuntu', '24.04 (LTS) x64'],
  [148405634, 'debian-12-x64', 'Debian', '12 x64'],
  [153425621, 'rockylinux-9-x64', 'Rocky Linux', '9 x64'],
  [150321577, 'freebsd-14-x64-zfs', 'FreeBSD', '14.0 x64 zfs'],
];

export const DAY = 86_400_000;
/** Dates of generated objects count from here. */
export const EPOCH = Date.UTC(2024, 0, 1);

/** A small seeded generator (mulberry32): the same seed gives the same account. */
export function seededRandom(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function regionObject(slug: string): DoRegion {
  return {
    name: REGION_NAMES[slug] ?? slug.toUpperCase(),
    slug,
    features: ['backups', 'ipv6', 'metadata', 'install_agent', 'storage'],
    available: true,
    sizes: SIZES.map(s => s.slug),
  };
}

export function publicImage(
  [id, slug, distribution, name]: (typeof DISTRIBUTIONS)[number],
  regions: string[],
): DoImage {
  return {
    id,
    name,
    distribution,
    slug,
    public: true,
    regions,
    created_at: new Date(EPOCH - 200 * DAY).toISOString(),
    type: 'base',
    min_disk_size: 7,
    size_gigabytes: 2.36,
    description: `${distribution} ${name}`,
    tags: [],
    status: 'available',
    error_message: '',
  };
}
