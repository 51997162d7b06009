/** An ARM resource in the shape list operations return it. */
export interface ArmResource {
  id: string;
  name: string;
  type: string;
  location: string;
  tags?: Record<string, string>;
  zones?: string[];
  sku?: { name: string; tier?: string };
  managedBy?: string;
  etag?: string;
  properties: Record<string, any>;
}

/** Deterministic values for one location's resources (same seed, same data). */
export interface AzureGenerator {
  subscriptionId: string;
  location: string;
  rand(): number;
  pick<T>(items: T[]): T;
  hex(length: number): string;
  guid(): string;
  /** A weak ETag as the network provider writes them. */
  etag(): string;
  /** An ISO timestamp some days into 2025. */
  date(day: number): string;
  /** `/subscriptions/{s}/resourceGroups/{rg}/providers/{type}/{name}`. */
  id(resourceGroup: string, type: string, name: string): string;
}

export function armId(
  subscriptionId: string,
  resourceGroup: string,
  type: string,
  name: string,
) {
  return `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}/providers/${type}/${name}`;
}

/** A generator seeded with mulberry32, a small deterministic PRNG. */
export function azureGenerator(
  seed: number,
  subscriptionId: string,
  location: string,
): AzureGenerator {
  let a = seed >>> 0;
  const rand = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const hex = (length: number) =>
    Array.from({ length }, () => Math.floor(rand() * 16).toString(16)).join('');
  const guid = () => `${hex(8)}-${hex(4)}-4${hex(3)}-a${hex(3)}-${hex(12)}`;
  return {
    subscriptionId,
    location,
    rand,
    pick: items => items[Math.floor(rand() * items.length)],
    hex,
    guid,
    etag: () => `W/"${guid()}"`,
    date: day => new Date(Date.UTC(2025, 0, 1 + day, 9, 30)).toISOString(),
    id: (resourceGroup, type, name) =>
      armId(subscriptionId, resourceGroup, type, name),
  };
}
