import { createRouteRef } from '@backstage/frontend-plugin-api';

// A page with a route ref, a title and an icon is what the sidebar lists.

/** Inventory > Settings: services, option lists, regions and zones. */
export const settingsRouteRef = createRouteRef();
/** Import files: Ansible facts, Terraform state, Maestro JSON. */
export const fileImportRouteRef = createRouteRef();
/** Scheduler: custom jobs. */
export const schedulerRouteRef = createRouteRef();
/** Teams and their members. */
export const teamsRouteRef = createRouteRef();
/** Analytics: business graphs. */
export const analyticsRouteRef = createRouteRef();
/** Reports: general and pivot reports. */
export const reportsRouteRef = createRouteRef();
/** Connections: discovery of cloud accounts. */
export const connectionsRouteRef = createRouteRef();
