import { DiscoveredEntity } from '@maestro/plugin-maestro-node';
import { DoDroplet, DoImage } from '../api/types';
import {
  compact,
  dropletName,
  entity,
  imageName,
  placement,
  ref,
} from './common';

/** Maestro's status of a droplet status; archived droplets are inactive. */
export function dropletStatus(status: string | undefined): {
  status?: string;
  active: boolean;
} {
  switch (status) {
    case 'active':
    case 'new':
      return { status: 'Active', active: true };
    case 'off':
      return { status: 'Stopped', active: true };
    case 'archive':
      // Destroyed but kept by DigitalOcean (e.g. a suspended account): it no
      // longer runs and cannot be powered on.
      return { status: 'Stopped', active: false };
    default:
      return { active: true };
  }
}

/** Maestro's OS base (Linux, FreeBSD...) and version from a droplet's image. */
export function dropletOs(image: DoImage | undefined) {
  if (!image?.distribution || image.distribution === 'Unknown')
    return undefined;
  const base = /bsd/i.test(image.distribution) ? 'FreeBSD' : 'Linux';
  // Distribution images are named after their version: "22.04 (LTS) x64".
  const version = /^(\d+(\.\d+)*)/.exec(image.name ?? '')?.[1];
  return compact({ base, dist: image.distribution, version });
}

function address(droplet: DoDroplet, type: 'private' | 'public') {
  return droplet.networks?.v4?.find(n => n.type === type)?.ip_address;
}

/** A droplet (`GET /v2/droplets`) as a Maestro Server. */
export function translateDroplet(droplet: DoDroplet): DiscoveredEntity {
  const id = String(droplet.id);
  const { status, active } = dropletStatus(droplet.status);
  const storage = [
    ...(droplet.disk !== undefined
      ? [
          {
            name: '/dev/vda',
            size: droplet.disk,
            root: true,
            type: 'built-in' as const,
          },
        ]
      : []),
    ...(droplet.volume_ids ?? []).map(v => ({
      name: v,
      root: false,
      type: 'attached' as const,
      volume: ref('volume', v),
    })),
  ];
  return entity('Server', {
    name: dropletName(id),
    title: droplet.name,
    tags: droplet.tags,
    spec: {
      hostname: droplet.name || dropletName(id),
      uniqueId: id,
      status,
      active,
      ipv4Private: address(droplet, 'private'),
      ipv4Public: address(droplet, 'public'),
      cpu: droplet.vcpus,
      // The API gives megabytes; Maestro keeps gigabytes.
      memory:
        droplet.memory !== undefined
          ? Math.round((droplet.memory / 1024) * 100) / 100
          : undefined,
      os: dropletOs(droplet.image),
      storage: storage.length ? storage : undefined,
      datacenter: placement(droplet.region?.slug, {
        instanceId: id,
        instanceType: droplet.size_slug,
        imageId: droplet.image ? String(droplet.image.id) : undefined,
      }),
      image: droplet.image
        ? ref('image', imageName(droplet.image.id))
        : undefined,
      networks: droplet.vpc_uuid
        ? [ref('network', droplet.vpc_uuid)]
        : undefined,
    },
  });
}
