import { mockServices } from '@backstage/backend-test-utils';
import { MaestroNotifier } from './MaestroNotifier';

/** Records what would reach the signals and notifications backends. */
function recorder() {
  const signals: any[] = [];
  const notifications: any[] = [];
  const notifier = new MaestroNotifier({
    signals: { publish: async (s: any) => void signals.push(s) } as any,
    notifications: {
      send: async (n: any) => void notifications.push(n),
    } as any,
    logger: mockServices.logger.mock(),
  });
  return { notifier, signals, notifications };
}

describe('MaestroNotifier', () => {
  it('signals progress and outcomes, and notifies the owner of a failed task only', async () => {
    const { notifier, signals, notifications } = recorder();
    await notifier.taskProgressed('c1', 'server-list', {
      message: 'us-east-1: page 2',
      seen: 400,
    });
    await notifier.taskFinished({
      connectionId: 'c1',
      connectionTitle: 'AWS Prod',
      task: 'server-list',
      outcome: 'success',
      recipient: 'group:default/ops',
    });
    await notifier.taskFinished({
      connectionId: 'c1',
      connectionTitle: 'AWS Prod',
      task: 'dbs-list',
      outcome: 'danger',
      message: 'AccessDenied: rds:DescribeDBInstances',
      recipient: 'group:default/ops',
    });
    expect(
      signals.map(s => [s.channel, s.message.state, s.message.task]),
    ).toEqual([
      ['maestro:discovery', 'running', 'server-list'],
      ['maestro:discovery', 'finished', 'server-list'],
      ['maestro:discovery', 'finished', 'dbs-list'],
    ]);
    expect(notifications).toEqual([
      {
        recipients: { type: 'entity', entityRef: 'group:default/ops' },
        payload: expect.objectContaining({
          title: 'Discovery failed: AWS Prod, dbs-list',
          description: 'AccessDenied: rds:DescribeDBInstances',
          severity: 'high',
          link: '/maestro/connections',
        }),
      },
    ]);
  });

  it('tells a report author the row count, and no one when a service wrote it', async () => {
    const { notifier, notifications } = recorder();
    await notifier.reportRan({
      reportId: 'r1',
      name: 'Linux',
      status: 'finished',
      rowCount: 42,
      recipient: 'user:default/ada',
    });
    await notifier.reportRan({
      reportId: 'r2',
      name: 'Import',
      status: 'finished',
      rowCount: 1,
      recipient: 'service:importer',
    });
    expect(notifications).toHaveLength(1);
    expect(notifications[0].payload.title).toBe('Report Linux: 42 rows');
  });

  it('never fails the work when telling fails', async () => {
    const notifier = new MaestroNotifier({
      signals: {
        publish: async () => {
          throw new Error('down');
        },
      } as any,
      notifications: {
        send: async () => {
          throw new Error('down');
        },
      } as any,
      logger: mockServices.logger.mock(),
    });
    await expect(
      notifier.taskFinished({
        connectionId: 'c',
        connectionTitle: 'C',
        task: 't',
        outcome: 'danger',
        recipient: 'user:default/ada',
      }),
    ).resolves.toBeUndefined();
  });
});
