import {
  LoggerService,
  SchedulerService,
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { HumanDuration } from '@backstage/types';
import { Knex } from 'knex';
import { ReportCharts } from './ReportCharts';
import { ReportService } from './ReportService';
import { MaestroNotifier } from '../notify';

/** What the report routes need. */
export interface ReportServices {
  reports: ReportService;
  charts: ReportCharts;
  /** Folder of the private keys named in an Ansible inventory. */
  ansibleKeyDirectory: string;
  /** How often scheduled reports are refreshed (the Scheduler page shows it). */
  refreshEvery: HumanDuration;
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
  /** Tells authors when their reports ran. */
  notifier?: MaestroNotifier;
}): Promise<ReportServices> {
  const reports = new ReportService(opts.knex, undefined, opts.notifier);
  const schedule = opts.config.has('maestro.reports.refresh')
    ? readSchedulerServiceTaskScheduleDefinitionFromConfig(
        opts.config.getConfig('maestro.reports.refresh'),
      )
    : {
        frequency: { hours: 1 },
        timeout: { minutes: 30 },
        initialDelay: { minutes: 1 },
      };
  if (opts.scheduler) {
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
    // A cron schedule has no fixed period to show; an hour is its default.
    refreshEvery:
      'cron' in schedule.frequency || 'trigger' in schedule.frequency
        ? { hours: 1 }
        : (schedule.frequency as HumanDuration),
  };
}
