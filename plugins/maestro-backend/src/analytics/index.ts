export { createAnalytics } from './createAnalytics';
export type { AnalyticsServices } from './createAnalytics';
export { analyticsRoutes, PUBLIC_GRAPHS_PATH } from './routes';
export { GraphRefresher, ANALYTICS_CHANNEL } from './GraphRefresher';
