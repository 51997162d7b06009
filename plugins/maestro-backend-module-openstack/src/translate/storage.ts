import { DiscoveredEntity } from '@maestro/plugin-maestro-node';
import {
  TranslationContext,
  compact,
  entity,
  placement,
  ref,
  utcTimestamp,
} from './common';
import { CinderSnapshot, CinderVolume, GlanceImage } from './openstackApi';

/** Maestro's volume statuses (its option list spells `Avaliable` so). */
export function volumeStatus(status: string | undefined): string | undefined {
  const s = (status ?? '').toLowerCase();
  if (!s) return undefined;
  if (s === 'in-use') return 'Active';
  if (s === 'available') return 'Avaliable';
  if (s === 'deleting') return 'Deleted';
  if (s.startsWith('error')) return 'Error';
  // creating, attaching, detaching, reserved, extending, retyping, backing-up...
  return 'Active';
}

/** A Cinder volume as a Maestro Volume, attached to its server. */
export function translateVolume(
  volume: CinderVolume,
  context: TranslationContext,
): DiscoveredEntity {
  const attachments = (volume.attachments ?? []).filter(a => a.server_id);
  const first = attachments[0];
  return entity(
    'Volume',
    volume.id,
    volume.name,
    { metadata: volume.metadata },
    {
      uniqueId: volume.id,
      status: volumeStatus(volume.status),
      active: true,
      size: volume.size,
      volumeType: volume.volume_type ?? undefined,
      encrypted: volume.encrypted,
      server: first ? ref('server', first.server_id!) : undefined,
      device: first?.device || undefined,
      properties: compact({
        description: volume.description || undefined,
        bootable: String(volume.bootable) === 'true',
        multiattach: volume.multiattach,
        snapshotId: volume.snapshot_id ?? undefined,
        sourceVolumeId: volume.source_volid ?? undefined,
        createdAt: utcTimestamp(volume.created_at),
        // A multi-attach volume is on several servers; `server` holds the first.
        attachments:
          attachments.length > 1
            ? attachments.map(a =>
                compact({
                  server: ref('server', a.server_id!),
                  device: a.device,
                }),
              )
            : undefined,
      }),
      datacenter: placement(context, {
        zone: volume.availability_zone || undefined,
      }),
    },
  );
}

function snapshotStatus(status: string) {
  if (status.startsWith('error')) return 'Error';
  return status === 'deleting' ? 'Deleted' : 'Active';
}

/** A Cinder snapshot as a Maestro Snapshot of its volume. */
export function translateSnapshot(
  snapshot: CinderSnapshot,
  context: TranslationContext,
): DiscoveredEntity {
  const s = (snapshot.status ?? '').toLowerCase();
  return entity(
    'Snapshot',
    snapshot.id,
    snapshot.name || snapshot.description,
    { metadata: snapshot.metadata },
    {
      uniqueId: snapshot.id,
      volume: snapshot.volume_id
        ? ref('volume', snapshot.volume_id)
        : undefined,
      volumeId: snapshot.volume_id,
      size: snapshot.size,
      progress: snapshot['os-extended-snapshot-attributes:progress'],
      startTime: utcTimestamp(snapshot.created_at),
      ownerId: snapshot['os-extended-snapshot-attributes:project_id'],
      status: snapshotStatus(s),
      active: true,
      datacenter: placement(context),
    },
  );
}

/** Glance statuses Maestro has a word for; the others (queued, saving...) are kept. */
const IMAGE_STATUS: Record<string, string> = {
  active: 'Active',
  deactivated: 'Stopped',
  killed: 'Error',
};
const GONE_IMAGE_STATUSES = new Set(['deleted', 'pending_delete', 'killed']);

/** A Glance image as a Maestro Image. */
export function translateImage(
  image: GlanceImage,
  context: TranslationContext,
): DiscoveredEntity {
  const status = (image.status ?? '').toLowerCase();
  const platform = [image.os_distro, image.os_version]
    .filter(Boolean)
    .join(' ');
  return entity(
    'Image',
    image.id,
    image.name,
    { tags: image.tags },
    {
      uniqueId: image.id,
      imageType: image.disk_format ?? undefined,
      public: image.visibility === 'public',
      architecture: image.architecture,
      hypervisor: image.hypervisor_type,
      platform: platform || undefined,
      status: IMAGE_STATUS[status] ?? (status || undefined),
      active: !GONE_IMAGE_STATUSES.has(status),
      properties: compact({
        visibility: image.visibility,
        containerFormat: image.container_format ?? undefined,
        sizeBytes: image.size ?? undefined,
        minDiskGb: image.min_disk,
        minRamMb: image.min_ram,
        owner: image.owner,
        protected: image.protected,
        createdAt: image.created_at,
      }),
      datacenter: placement(context),
    },
  );
}
