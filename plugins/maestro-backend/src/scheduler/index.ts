export { schedulerRoutes } from './schedulerRoutes';
