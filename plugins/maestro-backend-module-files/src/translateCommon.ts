import { Entity } from '@backstage/catalog-model';
import { MAESTRO_API_VERSION, slugify } from '@maestro/plugin-maestro-common';

/** A Maestro entity of one of Maestro's own kinds. */
export function maestroEntity(
  kind: string,
  name: string,
  title: string,
  spec: Record<string, unknown>,
  labels?: Record<string, string>,
): Entity {
  return {
    apiVersion: MAESTRO_API_VERSION,
    kind,
    metadata: {
      name: slugify(name),
      title,
      ...(labels && Object.keys(labels).length ? { labels } : {}),
    },
    spec: withoutEmpty(spec) as Entity['spec'],
  };
}

/** Drops undefined, null, '' and empty objects/arrays, so records hold facts only. */
export function withoutEmpty(value: unknown): unknown {
  if (Array.isArray(value)) {
    const items = value.map(withoutEmpty).filter(v => v !== undefined);
    return items.length ? items : undefined;
  }
  if (value && typeof value === 'object') {
    const entries = Object.entries(value)
      .map(([k, v]) => [k, withoutEmpty(v)] as const)
      .filter(([, v]) => v !== undefined);
    return entries.length ? Object.fromEntries(entries) : undefined;
  }
  return value === null || value === '' ? undefined : value;
}

/** Bytes to GB, two decimals: Maestro keeps sizes and memory in GB. */
export function gigabytes(bytes: number): number {
  return Math.round((bytes / 1024 ** 3) * 100) / 100;
}

const PRIVATE_RANGES: Array<[number, number]> = [
  [0x0a000000, 0xff000000], // 10/8
  [0xac100000, 0xfff00000], // 172.16/12
  [0xc0a80000, 0xffff0000], // 192.168/16
  [0x64400000, 0xffc00000], // 100.64/10 (carrier-grade NAT)
];

function ipv4Number(ip: string): number | undefined {
  const parts = ip.split('.').map(Number);
  if (
    parts.length !== 4 ||
    parts.some(p => !Number.isInteger(p) || p < 0 || p > 255)
  )
    return undefined;
  return (
    ((parts[0] << 24) >>> 0) + (parts[1] << 16) + (parts[2] << 8) + parts[3]
  );
}

/** True for RFC 1918 and carrier-grade NAT addresses. */
export function isPrivateIpv4(ip: string): boolean {
  const n = ipv4Number(ip);
  return (
    n !== undefined &&
    PRIVATE_RANGES.some(([net, mask]) => (n & mask) >>> 0 === net)
  );
}

export function isIpv4(ip: unknown): ip is string {
  return typeof ip === 'string' && ipv4Number(ip) !== undefined;
}

/** Maestro's OS base from a family name (`Debian` -> Linux). */
export function osBase(family: string | undefined): string | undefined {
  if (!family) return undefined;
  const f = family.toLowerCase();
  if (f.startsWith('windows')) return 'Windows';
  if (f === 'darwin' || f === 'macos') return 'MacOS';
  if (f === 'freebsd') return 'FreeBSD';
  if (f === 'solaris' || f === 'sunos') return 'Solaris';
  return 'Linux';
}
