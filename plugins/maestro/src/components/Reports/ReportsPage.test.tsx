import { fireEvent, screen, waitFor } from '@testing-library/react';
import {
  TestApiProvider,
  renderInTestApp,
} from '@backstage/frontend-test-utils';
import {
  ReportChart,
  ReportQuery,
  SavedReport,
  SavedReportInput,
} from '@maestro/plugin-maestro-common';
import { ReportsApi, reportsApiRef } from '../../api/reports';
import { ReportsPage } from './ReportsPage';

/** Reports kept in memory; rows and charts as the backend would shape them. */
class FakeReportsApi implements ReportsApi {
  readonly created: SavedReportInput[] = [];
  readonly runs: string[] = [];
  readonly rowRequests: any[] = [];
  reports: SavedReport[] = [];

  private make(input: SavedReportInput, id: string): SavedReport {
    return {
      id,
      name: input.name,
      type: input.query.type,
      query: input.query,
      status: 'finished',
      scheduled: false,
      rowCount: 2,
      durationMs: 12,
      createdAt: '2026-11-26T00:00:00.000Z',
      updatedAt: '2026-11-26T00:00:00.000Z',
      createdBy: 'user:default/ada',
      updatedBy: 'user:default/ada',
    };
  }
  async listReports() {
    return this.reports;
  }
  async getReport(id: string) {
    const r = this.reports.find(x => x.id === id);
    if (!r) throw new Error('not found');
    return r;
  }
  async createReport(input: SavedReportInput) {
    this.created.push(input);
    const r = this.make(input, `r${this.reports.length + 1}`);
    this.reports.push(r);
    return r;
  }
  async updateReport(): Promise<never> {
    throw new Error('not used');
  }
  async deleteReport(id: string) {
    this.reports = this.reports.filter(r => r.id !== id);
  }
  async runReport(id: string) {
    this.runs.push(id);
    return this.getReport(id);
  }
  async getRows(id: string, request: any) {
    this.rowRequests.push({ id, ...request });
    return {
      columns: [
        'servers.entityRef',
        'servers.spec.hostname',
        'servers.spec.os',
      ],
      items: [
        {
          'servers.entityRef': 'server:default/web-1',
          'servers.spec.hostname': 'web-1.prod',
          'servers.spec.os': { base: 'Linux', dist: 'Ubuntu' },
        },
      ],
      totalCount: 1,
      offset: 0,
      limit: 20,
    };
  }
  async getCharts(): Promise<ReportChart[]> {
    return [
      {
        id: 'servers.environment',
        title: 'servers: Environment',
        buckets: [
          { value: 'Production', count: 3 },
          { value: 'Staging', count: 1 },
        ],
      },
      { id: 'servers.tags', title: 'servers: Tags', buckets: [] },
    ];
  }
  async exportReport(): Promise<never> {
    throw new Error('not used');
  }
}

const render = (api: FakeReportsApi, path = '/') =>
  renderInTestApp(
    <TestApiProvider apis={[[reportsApiRef, api]]}>
      <ReportsPage />
    </TestApiProvider>,
    { initialRouteEntries: [path] },
  );

describe('Reports pages', () => {
  it('builds a pivot report without clients, saves and runs it', async () => {
    const api = new FakeReportsApi();
    await render(api, '/new');
    fireEvent.change(screen.getByLabelText('Report name'), {
      target: { value: 'Prod servers by system' },
    });
    fireEvent.click(screen.getByLabelText('Pivot'));
    fireEvent.click(screen.getByLabelText('Include clients'));
    fireEvent.click(screen.getByLabelText('Add servers filter'));
    fireEvent.change(screen.getByLabelText('servers filter 1 value'), {
      target: { value: 'prod' },
    });
    fireEvent.click(screen.getByText('Generate'));
    await waitFor(() => expect(api.runs).toEqual(['r1']));
    const query = api.created[0].query as ReportQuery;
    expect(api.created[0].name).toBe('Prod servers by system');
    expect(query).toEqual({
      type: 'pivot',
      levels: [
        { level: 'systems', filters: [] },
        { level: 'applications', filters: [] },
        {
          level: 'servers',
          filters: [
            { field: 'metadata.title', operator: 'equal', value: 'prod' },
          ],
        },
      ],
    });
  });

  it('says why a pivot with a level missing in between cannot be generated', async () => {
    const api = new FakeReportsApi();
    await render(api, '/new');
    fireEvent.change(screen.getByLabelText('Report name'), {
      target: { value: 'x' },
    });
    fireEvent.click(screen.getByLabelText('Pivot'));
    fireEvent.click(screen.getByLabelText('Include systems'));
    expect(await screen.findByRole('status')).toHaveTextContent(
      /cannot be left out/,
    );
    expect(screen.getByText('Generate').closest('button')).toBeDisabled();
  });

  it('shows charts, the table and the info of a report', async () => {
    const api = new FakeReportsApi();
    await api.createReport({
      name: 'Servers by system',
      query: {
        type: 'pivot',
        levels: [
          { level: 'systems', filters: [] },
          { level: 'applications', filters: [] },
          { level: 'servers', filters: [] },
        ],
      },
    });
    await render(api, '/r1');
    expect(
      await screen.findByTestId('chart-servers.environment'),
    ).toBeInTheDocument();
    // Charts without values are left out.
    expect(screen.queryByTestId('chart-servers.tags')).toBeNull();

    fireEvent.click(screen.getByRole('tab', { name: 'Table' }));
    expect(await screen.findByText('web-1.prod')).toBeInTheDocument();
    expect(screen.getByText('base: Linux; dist: Ubuntu')).toBeInTheDocument();
    expect(api.rowRequests.some(r => r.limit === 20 && r.offset === 0)).toBe(
      true,
    );

    fireEvent.click(screen.getByRole('tab', { name: 'Info' }));
    expect(
      await screen.findByText('systems → applications → servers'),
    ).toBeInTheDocument();
    expect(screen.getByText('12 ms')).toBeInTheDocument();
    expect(screen.getByText('Export CSV')).toBeInTheDocument();
    expect(screen.getByText('Export Ansible inventory')).toBeInTheDocument();
  });
});
