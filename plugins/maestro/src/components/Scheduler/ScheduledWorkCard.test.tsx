import { screen, within } from '@testing-library/react';
import {
  TestApiProvider,
  renderInTestApp,
} from '@backstage/frontend-test-utils';
import { signalApiRef } from '@backstage/plugin-signals-react';
import { JobsApi, ScheduledWork, jobsApiRef } from '../../api/jobs';
import { FakeSignals } from '../Connections/__testUtils__/FakeSignals';
import { ScheduledWorkCard } from './ScheduledWorkCard';

jest.setTimeout(60_000);

/** The scheduled work as the server lists it; tests change it between reads. */
function scheduledWork(work: ScheduledWork[]) {
  const api = {
    reads: 0,
    work,
    scheduledWork: async () => {
      api.reads++;
      return api.work.map(w => ({ ...w }));
    },
  };
  return api;
}

const serverList: ScheduledWork = {
  id: 'discovery:c1:server-list',
  module: 'discovery',
  name: 'AWS Prod: server-list',
  enabled: true,
  period: 'every 1 hour',
  runPath: '/connections/c1/tasks/server-list/sync',
  enablePath: '/connections/c1/tasks/server-list',
};

describe('ScheduledWorkCard', () => {
  it('shows a discovery task running when it starts and its outcome when it finishes, from the signals', async () => {
    const api = scheduledWork([serverList]);
    const signals = new FakeSignals();
    await renderInTestApp(
      <TestApiProvider
        apis={[
          [jobsApiRef, api as unknown as JobsApi],
          [signalApiRef, signals],
        ]}
      >
        <ScheduledWorkCard />
      </TestApiProvider>,
    );
    const table = await screen.findByRole('table', { name: 'Scheduled work' });
    const row = within(table).getByText('AWS Prod: server-list').closest('tr')!;
    expect(within(row).queryByText('running…')).toBeNull();

    api.work = [{ ...serverList, running: true }];
    signals.send('maestro:discovery', {
      connectionId: 'c1',
      task: 'server-list',
      state: 'running',
      message: 'us-east-1: page 1',
    });
    expect(await within(row).findByText(/running…/)).toBeInTheDocument();
    const reads = api.reads;
    // Progress of a task already shown running does not reload the list.
    signals.send('maestro:discovery', {
      connectionId: 'c1',
      task: 'server-list',
      state: 'running',
      message: 'us-east-1: page 2',
    });
    expect(api.reads).toBe(reads);

    api.work = [
      {
        ...serverList,
        running: false,
        lastRunAt: '2026-11-26T01:00:00Z',
        outcome: 'success',
      },
    ];
    signals.send('maestro:discovery', {
      connectionId: 'c1',
      task: 'server-list',
      state: 'finished',
      outcome: 'success',
    });
    expect(await within(row).findByText('success')).toBeInTheDocument();
    expect(within(row).queryByText(/running…/)).toBeNull();
  });
});
