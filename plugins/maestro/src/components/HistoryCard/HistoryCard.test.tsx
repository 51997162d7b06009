import { fireEvent, screen, within } from '@testing-library/react';
import {
  TestApiProvider,
  renderInTestApp,
} from '@backstage/frontend-test-utils';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { ResponseError } from '@backstage/errors';
import { MaestroRevision } from '@maestro/plugin-maestro-common';
import { MaestroApi, maestroApiRef } from '../../api';
import { demoServer } from '../../__fixtures__/entities';
import { demoRevisions } from '../../__fixtures__/revisions';
import { relativeTime } from '../../lib/relativeTime';
import { HistoryCard } from './HistoryCard';

/** A MaestroApi that answers the history from memory. */
class FakeMaestroApi implements MaestroApi {
  readonly requested: string[] = [];
  constructor(private readonly history: () => Promise<MaestroRevision[]>) {}
  async getHistoryByRef(entityRef: string) {
    this.requested.push(entityRef);
    return this.history();
  }
  async getRecordByRef(): Promise<never> {
    throw new Error('not used');
  }
  async listRecords(): Promise<never> {
    throw new Error('not used');
  }
  // The inventory's writes and lookups; the history card uses none of them.
  createRecord = this.listRecords;
  updateRecord = this.listRecords;
  deleteRecord = this.listRecords;
  getReferences = this.listRecords;
  getOptions = this.listRecords;
  getSettings = this.listRecords;
}

function renderCard(api: MaestroApi) {
  return renderInTestApp(
    <TestApiProvider apis={[[maestroApiRef, api]]}>
      <EntityProvider entity={demoServer}>
        <HistoryCard />
      </EntityProvider>
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
}

describe('HistoryCard', () => {
  it('lists revisions newest first with who, when, source and the diff', async () => {
    const api = new FakeMaestroApi(async () => demoRevisions);
    await renderCard(api);

    const items = await screen.findAllByTestId(/^revision-/);
    expect(api.requested).toEqual(['server:default/i-0abc123']);
    expect(items.map(i => i.dataset.testid)).toEqual([
      'revision-2',
      'revision-1',
    ]);

    const latest = items[0];
    expect(within(latest).getByText('#2 update')).toBeInTheDocument();
    expect(within(latest).getByText(/via\s+ui/)).toBeInTheDocument();
    expect(within(latest).getByRole('link', { name: /jdoe/ })).toHaveAttribute(
      'href',
      '/catalog/default/user/jdoe',
    );
    const when = latest.querySelector('time')!;
    expect(when).toHaveAttribute('dateTime', '2025-01-12T09:30:00.000Z');
    expect(when).toHaveTextContent(
      relativeTime(new Date('2025-01-12T09:30:00.000Z')),
    );

    const cpu = within(latest).getByText('spec.cpu').closest('tr')!;
    expect(within(cpu).getByText('2')).toBeInTheDocument();
    expect(within(cpu).getByText('4')).toBeInTheDocument();

    const first = items[1];
    expect(within(first).getByText('#1 create')).toBeInTheDocument();
    expect(within(first).getByText(/plugin:maestro/)).toBeInTheDocument();
    const hostname = within(first).getByText('spec.hostname').closest('tr')!;
    expect(within(hostname).getByText('(none)')).toBeInTheDocument();
    expect(
      within(hostname).getByText('"web-01.maestro.local"'),
    ).toBeInTheDocument();
  });

  it('truncates long values and expands them on request', async () => {
    await renderCard(new FakeMaestroApi(async () => demoRevisions));

    const services = (await screen.findByText('spec.services')).closest('tr')!;
    const full = JSON.stringify(demoRevisions[1].diff[1].after);
    expect(within(services).queryByText(full)).not.toBeInTheDocument();
    expect(within(services).getByText(/…$/)).toBeInTheDocument();

    fireEvent.click(within(services).getByRole('button', { name: 'more' }));
    expect(within(services).getByText(full)).toBeInTheDocument();
  });

  it('says so when there is no revision', async () => {
    await renderCard(new FakeMaestroApi(async () => []));

    expect(
      await screen.findByText('No revisions are recorded for this entity.'),
    ).toBeInTheDocument();
  });

  it('shows the error when the history cannot be loaded', async () => {
    const failure = await ResponseError.fromResponse(
      jsonResponse(500, {
        error: { name: 'Error', message: 'database is locked' },
      }),
    );
    await renderCard(new FakeMaestroApi(() => Promise.reject(failure)));

    expect(
      await screen.findByText(/Could not load the history/),
    ).toBeInTheDocument();
    expect(screen.getAllByText(/database is locked/).length).toBeGreaterThan(0);
  });

  it('tells an entity outside the store apart from a failure', async () => {
    const notFound = await ResponseError.fromResponse(
      jsonResponse(404, {
        error: { name: 'NotFoundError', message: 'No record' },
      }),
    );
    await renderCard(new FakeMaestroApi(() => Promise.reject(notFound)));

    expect(
      await screen.findByText(/not in the Maestro store/),
    ).toBeInTheDocument();
    expect(
      screen.queryByText(/Could not load the history/),
    ).not.toBeInTheDocument();
  });
});

function jsonResponse(status: number, body: unknown) {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });
}
