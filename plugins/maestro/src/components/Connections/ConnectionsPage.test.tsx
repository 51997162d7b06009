import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import {
  TestApiProvider,
  renderInTestApp,
} from '@backstage/frontend-test-utils';
import {
  Connection,
  ConnectionInput,
  ConnectionInputError,
  ConnectionTask,
  ConnectionsApi,
  connectionsApiRef,
} from '../../api/connections';
import { maestroApiRef } from '../../api';
import { ConnectionsPage } from './ConnectionsPage';

jest.setTimeout(60_000);

const AWS = {
  type: 'aws',
  title: 'AWS',
  fields: [
    { name: 'accessKeyId', title: 'Access key id', required: true },
    {
      name: 'secretAccessKey',
      title: 'Secret access key',
      secret: true,
      required: true,
    },
  ],
  tasks: [
    {
      name: 'server-list',
      description: 'Instances',
      interval: { every: 5, period: 'minutes' },
      permissions: ['ec2:DescribeInstances'],
    },
    {
      name: 'volumes-list',
      description: 'Volumes',
      interval: { every: 1, period: 'hours' },
      permissions: ['ec2:DescribeVolumes'],
    },
  ],
};

/** Connections in memory; the secret never comes back, as from the server. */
class MemoryConnections implements ConnectionsApi {
  connections: Connection[] = [];
  secrets: Record<string, string> = {};
  synced: string[] = [];
  task: ConnectionTask = {
    task: 'server-list',
    enabled: true,
    running: false,
    outcome: 'danger',
    message: 'UnauthorizedOperation',
    permission: 'ec2:DescribeInstances',
    seen: 0,
    created: 0,
    updated: 0,
    deactivated: 0,
  };
  async types() {
    return [AWS];
  }
  async list() {
    return this.connections;
  }
  async create(input: ConnectionInput) {
    if (!input.datacenter)
      throw new ConnectionInputError('bad', [
        { field: 'datacenter', message: 'is required' },
      ]);
    const { secretAccessKey, ...settings } = input.settings;
    this.secrets.secretAccessKey = secretAccessKey;
    const connection = {
      id: 'c1',
      title: input.title,
      type: input.type,
      datacenter: input.datacenter,
      settings,
      secretsSet: ['secretAccessKey'],
      updatedAt: '',
    };
    this.connections.push(connection);
    return connection;
  }
  async update() {
    return this.connections[0];
  }
  async delete() {}
  async tasks() {
    return [this.task];
  }
  async setTaskEnabled(_id: string, _task: string, enabled: boolean) {
    this.task.enabled = enabled;
  }
  async syncNow(_id: string, task: string) {
    this.synced.push(task);
  }
}

const maestro = {
  listRecords: async () => ({
    items: [
      {
        entity: {
          apiVersion: 'maestroserver.io/v1alpha1',
          kind: 'Datacenter',
          metadata: { name: 'aws-prod', title: 'AWS Prod' },
          spec: { provider: 'AWS' },
        },
      },
    ],
    totalCount: 1,
  }),
};

describe('ConnectionsPage', () => {
  it('creates a connection showing the permissions to grant, then lists its tasks with outcome and sync now', async () => {
    const api = new MemoryConnections();
    await renderInTestApp(
      <TestApiProvider
        apis={[
          [connectionsApiRef, api],
          [maestroApiRef, maestro as any],
        ]}
      >
        <ConnectionsPage />
      </TestApiProvider>,
    );
    fireEvent.click(
      await screen.findByRole('button', { name: 'New connection' }),
    );
    expect(screen.getByText('ec2:DescribeInstances')).toBeInTheDocument();
    expect(screen.getByText('ec2:DescribeVolumes')).toBeInTheDocument();
    fireEvent.change(screen.getByLabelText('Name'), {
      target: { value: 'AWS Prod' },
    });
    fireEvent.change(screen.getByLabelText(/Access key id/), {
      target: { value: 'AKIA1' },
    });
    fireEvent.change(screen.getByLabelText(/Secret access key/), {
      target: { value: 's3cret' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('is required')).toBeInTheDocument();
    expect(api.connections).toEqual([]);

    fireEvent.mouseDown(screen.getByLabelText('Datacenter'));
    fireEvent.click(await screen.findByRole('option', { name: 'AWS Prod' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    const table = await screen.findByRole('table', {
      name: 'Tasks of AWS Prod',
    });
    expect(api.secrets.secretAccessKey).toBe('s3cret');
    expect(api.connections[0].settings).toEqual({ accessKeyId: 'AKIA1' });
    expect(
      within(table).getByText('danger: UnauthorizedOperation'),
    ).toBeInTheDocument();

    fireEvent.click(within(table).getByRole('button', { name: 'Sync now' }));
    await waitFor(() => expect(api.synced).toEqual(['server-list']));
    fireEvent.click(
      within(table).getByRole('checkbox', { name: 'server-list enabled' }),
    );
    await waitFor(() => expect(api.task.enabled).toBe(false));
  });
});
