import { DiscoveredEntity } from '@maestro/plugin-maestro-node';
import type { Image, Snapshot, Volume } from '@aws-sdk/client-ec2';
import { TranslationContext, compact, entity, ref, tagValue } from './common';

const VOLUME_STATUS: Record<string, string> = {
  'in-use': 'Active',
  available: 'Avaliable', // Maestro's option list spells it so.
  creating: 'Active',
  deleting: 'Deleted',
  deleted: 'Deleted',
  error: 'Error',
};

/** An EBS volume (DescribeVolumes) as a Maestro Volume, attached to its server. */
export function translateVolume(
  volume: Volume,
  context: TranslationContext,
): DiscoveredEntity {
  const id = volume.VolumeId!;
  const attachment = volume.Attachments?.find(a => a.InstanceId);
  return entity('Volume', id, tagValue(volume.Tags, 'Name'), volume.Tags, {
    uniqueId: id,
    status: volume.State ? VOLUME_STATUS[volume.State] : undefined,
    active: volume.State !== 'deleted',
    size: volume.Size,
    volumeType: volume.VolumeType,
    iops: volume.Iops,
    encrypted: volume.Encrypted,
    server: attachment ? ref('server', attachment.InstanceId!) : undefined,
    device: attachment?.Device,
    datacenter: compact({
      provider: 'AWS',
      region: context.region,
      zone: volume.AvailabilityZone,
    }),
  });
}

/** An EBS snapshot the account owns, as a Maestro Snapshot of its volume. */
export function translateSnapshot(
  snapshot: Snapshot,
  context: TranslationContext,
): DiscoveredEntity {
  const id = snapshot.SnapshotId!;
  // Snapshots copied from elsewhere name the placeholder vol-ffffffff.
  const volumeId =
    snapshot.VolumeId && snapshot.VolumeId !== 'vol-ffffffff'
      ? snapshot.VolumeId
      : undefined;
  return entity(
    'Snapshot',
    id,
    tagValue(snapshot.Tags, 'Name') ?? snapshot.Description,
    snapshot.Tags,
    {
      uniqueId: id,
      volume: volumeId ? ref('volume', volumeId) : undefined,
      volumeId,
      size: snapshot.VolumeSize,
      progress: snapshot.Progress,
      startTime: snapshot.StartTime?.toISOString(),
      ownerId: snapshot.OwnerId,
      encrypted: snapshot.Encrypted,
      status: snapshot.State === 'error' ? 'Error' : 'Active',
      datacenter: { provider: 'AWS', region: context.region },
    },
  );
}

/** An AMI the account owns, as a Maestro Image. */
export function translateImage(
  image: Image,
  context: TranslationContext,
): DiscoveredEntity {
  const id = image.ImageId!;
  return entity(
    'Image',
    id,
    image.Name ?? tagValue(image.Tags, 'Name'),
    image.Tags,
    {
      uniqueId: id,
      imageType: image.ImageType,
      location: image.ImageLocation,
      public: image.Public,
      architecture: image.Architecture,
      hypervisor: image.Hypervisor,
      rootDeviceType: image.RootDeviceType,
      platform: image.PlatformDetails,
      status: image.State === 'available' ? 'Active' : image.State,
      active: image.State !== 'deregistered',
      datacenter: { provider: 'AWS', region: context.region },
    },
  );
}
