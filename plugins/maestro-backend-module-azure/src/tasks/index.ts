import {
  IMAGES_LIST,
  SERVER_LIST,
  SNAPSHOT_LIST,
  VOLUMES_LIST,
} from './computeTasks';
import { NETWORK_LIST } from './networkTasks';

/** Every Azure discovery task, in the order the connection page lists them. */
export const AZURE_TASKS = [
  SERVER_LIST,
  VOLUMES_LIST,
  SNAPSHOT_LIST,
  IMAGES_LIST,
  NETWORK_LIST,
];
