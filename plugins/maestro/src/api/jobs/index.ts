export { jobsApiRef, JobInputError } from './JobsApi';
export type { JobsApi, Job, JobInput, JobRun, JobPeriod } from './JobsApi';
export { JobsClient } from './JobsClient';
