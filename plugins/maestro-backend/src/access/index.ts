export { AccessStore } from './AccessStore';
export { RecordAccess } from './RecordAccess';
export type { AccessFilter } from './RecordAccess';
export { accessRoutes } from './accessRoutes';
export { applyAccessCriteria } from './accessConditions';
