export { AccessStore } from './AccessStore';
export { RecordAccess, actsAsService } from './RecordAccess';
export type { AccessFilter } from './RecordAccess';
export { accessRoutes } from './accessRoutes';
export { applyAccessCriteria } from './accessConditions';
export { ObjectAccess } from './ObjectAccess';
export type { ObjectAction, ObjectAuthorizer } from './ObjectAccess';
export {
  ObjectAccessStore,
  deleteObjectEntries,
  ownerOfCreator,
} from './ObjectAccessStore';
export { objectAccessRoutes } from './objectAccessRoutes';
export { createObjectAccess } from './createObjectAccess';
