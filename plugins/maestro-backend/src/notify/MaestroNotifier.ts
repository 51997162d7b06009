import { LoggerService } from '@backstage/backend-plugin-api';
import { NotificationService } from '@backstage/plugin-notifications-node';
import { SignalsService } from '@backstage/plugin-signals-node';

/** Signal channel of discovery progress and outcomes (Connections, Scheduler). */
export const DISCOVERY_CHANNEL = 'maestro:discovery';
/** Signal channel of report runs (Reports page). */
export const REPORTS_CHANNEL = 'maestro:reports';

export interface TaskOutcomeEvent {
  connectionId: string;
  connectionTitle: string;
  task: string;
  outcome: 'success' | 'warning' | 'danger';
  message?: string;
  /** Who hears of a failure: the connection's owner, else its creator. */
  recipient?: string;
}

export interface ReportRunEvent {
  reportId: string;
  name: string;
  status: 'finished' | 'failed';
  rowCount?: number;
  error?: string;
  /** Who hears of it: the report's author. */
  recipient?: string;
}

/**
 * Tells people what Maestro's background work did: progress and outcomes
 * reach open pages live as signals; failed discovery tasks and finished
 * reports also become Backstage notifications (and email, when the
 * notifications email module is configured with SMTP). Telling never
 * fails the work it tells of.
 */
export class MaestroNotifier {
  constructor(
    private readonly deps: {
      signals?: SignalsService;
      notifications?: NotificationService;
      logger: LoggerService;
    },
  ) {}

  async taskProgressed(
    connectionId: string,
    task: string,
    progress: { message?: string; seen?: number },
  ) {
    await this.signal(DISCOVERY_CHANNEL, {
      connectionId,
      task,
      state: 'running',
      ...progress,
    });
  }

  async taskFinished(event: TaskOutcomeEvent) {
    await this.signal(DISCOVERY_CHANNEL, {
      connectionId: event.connectionId,
      task: event.task,
      state: 'finished',
      outcome: event.outcome,
    });
    if (event.outcome !== 'danger' || !event.recipient) return;
    await this.notify(event.recipient, {
      title: `Discovery failed: ${event.connectionTitle}, ${event.task}`,
      description: event.message ?? 'The task failed.',
      link: '/maestro/connections',
      severity: 'high',
      topic: 'maestro-discovery',
    });
  }

  async reportRan(event: ReportRunEvent) {
    await this.signal(REPORTS_CHANNEL, {
      reportId: event.reportId,
      status: event.status,
      rowCount: event.rowCount,
    });
    if (!event.recipient) return;
    await this.notify(event.recipient, {
      title:
        event.status === 'finished'
          ? `Report ${event.name}: ${event.rowCount ?? 0} rows`
          : `Report ${event.name} failed`,
      description: event.error,
      link: `/maestro/reports/${encodeURIComponent(event.reportId)}`,
      severity: event.status === 'finished' ? 'normal' : 'high',
      topic: 'maestro-reports',
    });
  }

  private async signal(channel: string, message: Record<string, unknown>) {
    try {
      await this.deps.signals?.publish({
        recipients: { type: 'broadcast' },
        channel,
        message: message as any,
      });
    } catch (error) {
      this.deps.logger.warn(`Could not signal ${channel}: ${error}`);
    }
  }

  private async notify(
    recipient: string,
    payload: {
      title: string;
      description?: string;
      link: string;
      severity: 'high' | 'normal';
      topic: string;
    },
  ) {
    // Only users and groups receive notifications; a service acted alone.
    if (!/^(user|group):/.test(recipient)) return;
    try {
      await this.deps.notifications?.send({
        recipients: { type: 'entity', entityRef: recipient },
        payload,
      });
    } catch (error) {
      this.deps.logger.warn(`Could not notify ${recipient}: ${error}`);
    }
  }
}
