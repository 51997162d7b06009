import {
  LoggerService,
  SchedulerService,
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { Knex } from 'knex';
import { ReportCharts } from './ReportCharts';
import { ReportService } from './ReportService';

/** What the report routes need. */
export interface ReportServices {
  reports: ReportService;
  charts: ReportCharts;
  /** Folder of the private keys named in an Ansible inventory. */
  ansibleKeyDirectory: string;
}

/**
 * Builds the report services and, with a scheduler, the job that re-runs
 * scheduled reports (`maestro.reports.refresh`; every hour by default).
 * The scheduler runs it on one instance at a time across the cluster.
 */
export async function createReports(opts: {
  config: Config;
  knex: Knex;
  logger?: LoggerService;
  scheduler?: SchedulerService;
}): Promise<ReportServices> {
  const reports = new ReportService(opts.knex);
  if (opts.scheduler) {
    const schedule = opts.config.has('maestro.reports.refresh')
      ? readSchedulerServiceTaskScheduleDefinitionFromConfig(
          opts.config.getConfig('maestro.reports.refresh'),
        )
      : {
          frequency: { hours: 1 },
          timeout: { minutes: 30 },
          initialDelay: { minutes: 1 },
        };
    await opts.scheduler.scheduleTask({
      id: 'maestro-reports-refresh',
      ...schedule,
      fn: async () => {
        const count = await reports.refreshScheduled();
        opts.logger?.info(`Refreshed ${count} scheduled reports`);
      },
    });
  }
  return {
    reports,
    charts: new ReportCharts(opts.knex),
    ansibleKeyDirectory:
      opts.config.getOptionalString('maestro.reports.ansible.keyDirectory') ??
      '~/.ssh',
  };
}
