import { DiscoveryTask } from '@maestro/plugin-maestro-node';
import {
  CINDER_SNAPSHOTS,
  CINDER_VOLUMES,
  GLANCE_IMAGES,
} from '../client/apis';
import {
  translateImage,
  translateSnapshot,
  translateVolume,
} from '../translate/storage';
import { listingTask } from './listingTask';

export const VOLUMES_LIST: DiscoveryTask = listingTask({
  name: 'volumes-list',
  description: 'Cinder volumes and the servers they are attached to',
  listings: [{ api: CINDER_VOLUMES, translate: translateVolume }],
});

export const SNAPSHOT_LIST: DiscoveryTask = listingTask({
  name: 'snapshot-list',
  description: 'Cinder volume snapshots',
  listings: [{ api: CINDER_SNAPSHOTS, translate: translateSnapshot }],
});

export const IMAGES_LIST: DiscoveryTask = listingTask({
  name: 'images-list',
  description: 'Glance images the project can see',
  listings: [{ api: GLANCE_IMAGES, translate: translateImage }],
});
