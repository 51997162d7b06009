import { Config } from '@backstage/config';
import { LoggerService } from '@backstage/backend-plugin-api';
import { Knex } from 'knex';
import { JobService } from './JobService';
import { JobStore, SecretBox } from './JobStore';
import { AddressPolicy } from './webhook/addressPolicy';

export { jobRoutes } from './routes';
export { JobService } from './JobService';
export { JobStore } from './JobStore';
export type { SecretBox } from './JobStore';

export interface JobServices {
  jobs: JobService;
  store: JobStore;
  canStoreHeaders: boolean;
}

/** The custom jobs, wired to the Maestro database and configuration. */
export function createJobs(opts: {
  config: Config;
  knex: Knex;
  logger: LoggerService;
  secretBox?: SecretBox;
}): JobServices {
  const store = new JobStore(opts.knex, opts.secretBox);
  const policy = new AddressPolicy(
    opts.config.getOptionalStringArray('maestro.jobs.webhooks.allow') ?? [],
  );
  const jobs = new JobService({
    store,
    policy,
    logger: opts.logger,
    webhookTimeoutMs:
      (opts.config.getOptionalNumber('maestro.jobs.webhooks.timeoutSeconds') ??
        30) * 1000,
  });
  return { jobs, store, canStoreHeaders: !!opts.secretBox };
}
