import { EC2_TASKS } from './ec2Tasks';
import { MANAGED_SERVICE_TASKS } from './managedServiceTasks';
import { SERVERLESS_TASKS } from './serverlessTasks';

/** Every AWS discovery task, in the order the connection page lists them. */
export const AWS_TASKS = [
  ...EC2_TASKS,
  ...MANAGED_SERVICE_TASKS,
  ...SERVERLESS_TASKS,
];
