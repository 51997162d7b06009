import { createRouteRef } from '@backstage/frontend-plugin-api';

/** The Inventory page; a page with a route ref is what the sidebar lists. */
export const inventoryRouteRef = createRouteRef();
