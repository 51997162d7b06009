import { DiscoveredEntity } from '@maestro/plugin-maestro-node';
import { DoImage, DoSnapshot, DoVolume } from '../api/types';
import { dropletRef, entity, imageName, placement, ref } from './common';

/** A block storage volume as a Maestro Volume, attached to its droplet. */
export function translateVolume(volume: DoVolume): DiscoveredEntity {
  // A volume is attached to one droplet at most.
  const dropletId = volume.droplet_ids?.[0];
  return entity('Volume', {
    name: volume.id,
    title: volume.name,
    description: volume.description,
    tags: volume.tags,
    spec: {
      uniqueId: volume.id,
      status: dropletId !== undefined ? 'Active' : 'Avaliable', // Maestro's option list spells it so.
      active: true,
      size: volume.size_gigabytes,
      volumeType: 'block-storage',
      fileType: volume.filesystem_type || undefined,
      server: dropletId !== undefined ? dropletRef(dropletId) : undefined,
      // Where DigitalOcean's images mount a volume, by its name.
      device:
        dropletId !== undefined && volume.name
          ? `/dev/disk/by-id/scsi-0DO_Volume_${volume.name}`
          : undefined,
      datacenter: placement(volume.region?.slug),
    },
  });
}

/**
 * A snapshot (`GET /v2/snapshots`) as a Maestro Snapshot: of its volume
 * (relation snapshotOf), or of a droplet (kept in `spec.server`).
 */
export function translateSnapshot(snapshot: DoSnapshot): DiscoveredEntity {
  const ofVolume = snapshot.resource_type === 'volume';
  const source = snapshot.resource_id || undefined;
  return entity('Snapshot', {
    // Droplet snapshots have numeric ids, volume snapshots UUIDs.
    name: /^\d+$/.test(snapshot.id) ? `snapshot-${snapshot.id}` : snapshot.id,
    title: snapshot.name,
    tags: snapshot.tags,
    spec: {
      uniqueId: snapshot.id,
      volume: ofVolume && source ? ref('volume', source) : undefined,
      volumeId: ofVolume ? source : undefined,
      server:
        snapshot.resource_type === 'droplet' && source
          ? dropletRef(source)
          : undefined,
      // Like an EBS snapshot's VolumeSize: the size of what was copied.
      size: snapshot.min_disk_size,
      startTime: snapshot.created_at,
      status: 'Active',
      active: true,
      datacenter: placement(snapshot.regions?.[0], {
        regions: snapshot.regions?.length ? snapshot.regions : undefined,
      }),
    },
  });
}

const IMAGE_STATUS: Record<string, string> = {
  available: 'Active',
  deleted: 'Deleted',
  retired: 'Deleted',
};

/** An image of the account's own (snapshot, backup, custom) as a Maestro Image. */
export function translateImage(image: DoImage): DiscoveredEntity {
  const gone = image.status === 'deleted' || image.status === 'retired';
  return entity('Image', {
    name: imageName(image.id),
    title: image.name,
    description: image.description,
    tags: image.tags,
    spec: {
      uniqueId: String(image.id),
      imageType: image.type,
      public: image.public,
      platform: image.distribution,
      status: image.status
        ? IMAGE_STATUS[image.status] ?? image.status
        : undefined,
      active: !gone,
      datacenter: placement(image.regions?.[0], {
        regions: image.regions?.length ? image.regions : undefined,
      }),
    },
  });
}
