export { jobsApiRef, JobInputError } from './JobsApi';
export type {
  JobsApi,
  Job,
  JobInput,
  JobRun,
  JobPeriod,
  ScheduledWork,
} from './JobsApi';
export { JobsClient } from './JobsClient';
