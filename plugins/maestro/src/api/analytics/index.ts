export { analyticsApiRef } from './AnalyticsApi';
export type { AnalyticsApi } from './AnalyticsApi';
export { AnalyticsClient } from './AnalyticsClient';
export type * from './types';
