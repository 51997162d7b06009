import { API_TASKS } from './apiTasks';
import { STORAGE_OBJECT_LIST } from './spacesTask';

/** Every DigitalOcean discovery task, in the order the connection page lists them. */
export const DIGITALOCEAN_TASKS = [...API_TASKS, STORAGE_OBJECT_LIST];
