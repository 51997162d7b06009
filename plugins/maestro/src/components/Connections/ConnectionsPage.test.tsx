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
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { signalApiRef } from '@backstage/plugin-signals-react';
import { ConnectionsPage } from './ConnectionsPage';
import { FakeSignals } from './__testUtils__/FakeSignals';
import { discoveryApiRef, fetchApiRef } from '@backstage/frontend-plugin-api';
import { MaestroAccessAllowed } from '@maestro/plugin-maestro-common';

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

/** Files over SSH: the private key spans lines. */
const ANSIBLE = {
  type: 'ansible',
  title: 'Ansible facts',
  fields: [
    { name: 'host', title: 'Host' },
    { name: 'privateKey', title: 'SSH private key', secret: true },
  ],
  tasks: [],
};

/** Connections in memory; the secret never comes back, as from the server. */
class MemoryConnections implements ConnectionsApi {
  connections: Connection[] = [];
  secrets: Record<string, string> = {};
  synced: string[] = [];
  inputs: ConnectionInput[] = [];
  /** Principals the server refuses in an access template, with why. */
  refused: Record<string, string> = {};
  taskReads = 0;
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
    return [AWS, ANSIBLE];
  }
  async list() {
    return this.connections;
  }
  async create(input: ConnectionInput) {
    this.inputs.push(input);
    const refused = (input.accessTemplate ?? []).flatMap((e, i) =>
      this.refused[e.principal]
        ? [
            {
              field: `accessTemplate[${i}].principal`,
              message: this.refused[e.principal],
            },
          ]
        : [],
    );
    if (!input.datacenter)
      refused.push({ field: 'datacenter', message: 'is required' });
    if (refused.length) throw new ConnectionInputError('bad', refused);
    const secretNames = ['secretAccessKey', 'privateKey'];
    const settings = Object.fromEntries(
      Object.entries(input.settings).filter(([k]) => !secretNames.includes(k)),
    );
    Object.assign(
      this.secrets,
      Object.fromEntries(
        Object.entries(input.settings).filter(([k]) => secretNames.includes(k)),
      ),
    );
    const connection = {
      id: 'c1',
      title: input.title,
      type: input.type,
      datacenter: input.datacenter,
      owner: input.owner,
      accessTemplate: input.accessTemplate,
      settings,
      secretsSet: Object.keys(this.secrets),
      updatedAt: '',
    };
    this.connections.push(connection);
    return connection;
  }
  async update(id: string, input: Partial<ConnectionInput>) {
    this.inputs.push(input as ConnectionInput);
    const found = this.connections.find(c => c.id === id)!;
    Object.assign(found, {
      owner: input.owner,
      accessTemplate: input.accessTemplate,
    });
    return found;
  }
  async delete() {}
  async tasks() {
    this.taskReads++;
    return [{ ...this.task }];
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

const catalog = {
  getEntities: async () => ({
    items: [
      { kind: 'User', metadata: { name: 'carol', namespace: 'default' } },
      { kind: 'Group', metadata: { name: 'ops', namespace: 'default' } },
      { kind: 'Group', metadata: { name: 'retired', namespace: 'default' } },
    ],
  }),
};

/** The backend's access API, answering every connection with these rights. */
function accessApis(allowed: MaestroAccessAllowed) {
  const asked: string[] = [];
  const fetch = async (url: string) => {
    asked.push(url);
    const id = /\/connections\/([^/]+)\/access$/.exec(url)?.[1];
    return id
      ? new Response(
          JSON.stringify({
            kind: 'connection',
            id,
            owner: 'user:default/ada',
            entries: [],
            allowed,
          }),
          { status: 200 },
        )
      : new Response('{}', { status: 404 });
  };
  return {
    asked,
    apis: [
      [discoveryApiRef, { getBaseUrl: async () => 'http://maestro' }],
      [fetchApiRef, { fetch }],
    ],
  };
}

function renderPage(
  api: MemoryConnections,
  signals?: FakeSignals,
  // Unless a test says otherwise, the user holds every right (an owner).
  extraApis: any[] = accessApis({
    update: true,
    delete: true,
    manageAccess: true,
  }).apis,
) {
  const apis: any[] = [
    [connectionsApiRef, api],
    [maestroApiRef, maestro],
    [catalogApiRef, catalog],
    ...extraApis,
  ];
  if (signals) apis.push([signalApiRef, signals]);
  return renderInTestApp(
    <TestApiProvider apis={apis as any}>
      <ConnectionsPage />
    </TestApiProvider>,
  );
}

/** Types into a search field (MUI Autocomplete) and picks the option. */
async function pick(label: string, typed: string, option: string) {
  fireEvent.change(screen.getByLabelText(label), {
    target: { value: typed },
  });
  fireEvent.click(await screen.findByRole('option', { name: option }));
}

async function chooseDatacenter() {
  fireEvent.mouseDown(screen.getByLabelText('Datacenter'));
  fireEvent.click(await screen.findByRole('option', { name: 'AWS Prod' }));
}

/** A connection that exists already, as the list shows it. */
function existing(api: MemoryConnections, extra: Partial<Connection> = {}) {
  api.connections.push({
    id: 'c1',
    title: 'AWS Prod',
    type: 'aws',
    datacenter: 'datacenter:default/aws-prod',
    settings: { accessKeyId: 'AKIA1' },
    secretsSet: ['secretAccessKey'],
    updatedAt: '',
    ...extra,
  });
}

describe('ConnectionsPage', () => {
  it('creates a connection showing the permissions to grant, then lists its tasks with outcome and sync now', async () => {
    const api = new MemoryConnections();
    await renderPage(api);
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

    await chooseDatacenter();
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    const table = await screen.findByRole('table', {
      name: 'Tasks of AWS Prod',
    });
    expect(api.secrets.secretAccessKey).toBe('s3cret');
    expect(api.connections[0].settings).toEqual({ accessKeyId: 'AKIA1' });
    expect(
      within(table).getByText('danger: UnauthorizedOperation'),
    ).toBeInTheDocument();

    // Offered once the connection's access says the user may run it.
    fireEvent.click(
      await within(table).findByRole('button', { name: 'Sync now' }),
    );
    await waitFor(() => expect(api.synced).toEqual(['server-list']));
    fireEvent.click(
      within(table).getByRole('checkbox', { name: 'server-list enabled' }),
    );
    await waitFor(() => expect(api.task.enabled).toBe(false));
  });

  it('sends the owner and the access template, and shows a refused entry next to its row', async () => {
    const api = new MemoryConnections();
    api.refused['group:default/retired'] = 'must be a user or a group';
    await renderPage(api);
    fireEvent.click(
      await screen.findByRole('button', { name: 'New connection' }),
    );
    const template = screen.getByRole('table', { name: 'Access template' });
    expect(
      within(template).getByText(/No entries: only the owner/),
    ).toBeInTheDocument();
    fireEvent.change(screen.getByLabelText('Name'), {
      target: { value: 'AWS Prod' },
    });
    fireEvent.change(screen.getByLabelText(/Access key id/), {
      target: { value: 'AKIA1' },
    });
    await chooseDatacenter();
    await pick('Owner', 'op', 'group:default/ops');
    await pick('Add a user or team', 'car', 'user:default/carol');
    await pick('Add a user or team', 'ret', 'group:default/retired');
    fireEvent.mouseDown(screen.getByLabelText('Role of user:default/carol'));
    fireEvent.click(
      await screen.findByRole('option', { name: 'write — Read and change' }),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));

    const refusedRow = (
      await within(template).findByText('must be a user or a group')
    ).closest('tr')!;
    expect(
      within(refusedRow).getByText('group:default/retired'),
    ).toBeInTheDocument();
    expect(api.inputs[0]).toMatchObject({
      owner: 'group:default/ops',
      accessTemplate: [
        { principal: 'user:default/carol', role: 'write' },
        { principal: 'group:default/retired', role: 'read' },
      ],
    });

    fireEvent.click(
      within(refusedRow).getByRole('button', {
        name: 'Remove group:default/retired',
      }),
    );
    expect(screen.queryByText('must be a user or a group')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByRole('table', { name: 'Tasks of AWS Prod' });
    expect(api.connections[0]).toMatchObject({
      owner: 'group:default/ops',
      accessTemplate: [{ principal: 'user:default/carol', role: 'write' }],
    });
  });

  it('edits a connection starting from its owner and template, and can empty the template', async () => {
    const api = new MemoryConnections();
    existing(api, {
      owner: 'user:default/carol',
      accessTemplate: [{ principal: 'group:default/ops', role: 'admin' }],
    });
    await renderPage(api);
    fireEvent.click(
      await screen.findByRole('button', { name: 'Edit AWS Prod' }),
    );
    expect(screen.getByLabelText('Owner')).toHaveValue('user:default/carol');
    const template = screen.getByRole('table', { name: 'Access template' });
    expect(within(template).getByText('group:default/ops')).toBeInTheDocument();
    expect(within(template).getByText(/admin/)).toBeInTheDocument();
    fireEvent.click(
      within(template).getByRole('button', {
        name: 'Remove group:default/ops',
      }),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(api.inputs).toEqual([
        expect.objectContaining({
          owner: 'user:default/carol',
          accessTemplate: [],
        }),
      ]),
    );
  });

  it('keeps the line breaks of a pasted SSH private key', async () => {
    const api = new MemoryConnections();
    await renderPage(api);
    fireEvent.click(
      await screen.findByRole('button', { name: 'New connection' }),
    );
    fireEvent.mouseDown(screen.getByLabelText('Provider'));
    fireEvent.click(
      await screen.findByRole('option', { name: 'Ansible facts' }),
    );
    const key = screen.getByLabelText('SSH private key');
    expect(key.tagName).toBe('TEXTAREA');
    expect(key).toHaveAttribute('autocomplete', 'off');
    expect(screen.getByLabelText('Host').tagName).toBe('INPUT');
    const pem =
      '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXk\n-----END OPENSSH PRIVATE KEY-----\n';
    fireEvent.change(key, { target: { value: pem } });
    fireEvent.change(screen.getByLabelText('Name'), {
      target: { value: 'Facts' },
    });
    await chooseDatacenter();
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByRole('table', { name: 'Tasks of Facts' });
    expect(api.secrets.privateKey).toBe(pem);
  });

  it('shows a running task live from the discovery signals and reloads the tasks when it finishes', async () => {
    const api = new MemoryConnections();
    existing(api);
    const signals = new FakeSignals();
    await renderPage(api, signals);
    const table = await screen.findByRole('table', {
      name: 'Tasks of AWS Prod',
    });
    const row = within(table).getByText('server-list').closest('tr')!;
    expect(within(row).getByText(/^danger/)).toBeInTheDocument();
    const reads = api.taskReads;

    signals.send('maestro:discovery', {
      connectionId: 'c1',
      task: 'server-list',
      state: 'running',
      message: 'us-east-1: page 2',
      seen: 400,
    });
    expect(
      within(row).getByText('running: us-east-1: page 2 · 400 seen'),
    ).toBeInTheDocument();
    expect(
      await within(row).findByRole('button', { name: 'Sync now' }),
    ).toBeDisabled();

    // Another connection's task, and this one's next page in the same tick.
    signals.send(
      'maestro:discovery',
      {
        connectionId: 'c1',
        task: 'server-list',
        state: 'running',
        message: 'us-west-2: page 1',
        seen: 612,
      },
      { connectionId: 'c2', task: 'server-list', state: 'running', seen: 1 },
    );
    expect(
      within(row).getByText('running: us-west-2: page 1 · 612 seen'),
    ).toBeInTheDocument();
    expect(api.taskReads).toBe(reads);

    Object.assign(api.task, {
      outcome: 'success',
      message: undefined,
      permission: undefined,
      seen: 612,
      created: 612,
    });
    signals.send(
      'maestro:discovery',
      {
        connectionId: 'c1',
        task: 'server-list',
        state: 'finished',
        outcome: 'success',
      },
      { connectionId: 'c2', task: 'server-list', state: 'running', seen: 2 },
    );
    expect(await within(row).findByText('success')).toBeInTheDocument();
    expect(within(row).getByText('612 / 612 / 0 / 0')).toBeInTheDocument();
    expect(within(row).queryByText(/^running/)).toBeNull();
    expect(within(row).getByRole('button', { name: 'Sync now' })).toBeEnabled();
  });

  it('offers a writer edit, switches and sync, but not delete', async () => {
    const api = new MemoryConnections();
    existing(api);
    const access = accessApis({
      update: true,
      delete: false,
      manageAccess: false,
    });
    await renderPage(api, undefined, access.apis);
    expect(
      await screen.findByRole('button', { name: 'Edit AWS Prod' }),
    ).toBeInTheDocument();
    expect(access.asked).toContain('http://maestro/connections/c1/access');
    expect(
      screen.queryByRole('button', { name: 'Delete AWS Prod' }),
    ).toBeNull();
    const table = await screen.findByRole('table', {
      name: 'Tasks of AWS Prod',
    });
    expect(
      within(table).getByRole('checkbox', { name: 'server-list enabled' }),
    ).toBeEnabled();
    expect(
      within(table).getByRole('button', { name: 'Sync now' }),
    ).toBeInTheDocument();
    // The form leaves owner and access template to the connection's admins.
    fireEvent.click(screen.getByRole('button', { name: 'Edit AWS Prod' }));
    expect(await screen.findByLabelText('Name')).toHaveValue('AWS Prod');
    expect(screen.queryByLabelText('Owner')).toBeNull();
    expect(
      screen.getByText(/only the connection's admins/),
    ).toBeInTheDocument();
    expect(screen.queryByLabelText('Add a user or team')).toBeNull();
  });

  it('shows a reader the connection and its tasks without anything that changes them', async () => {
    const api = new MemoryConnections();
    existing(api);
    const access = accessApis({
      update: false,
      delete: false,
      manageAccess: false,
    });
    await renderPage(api, undefined, access.apis);
    const table = await screen.findByRole('table', {
      name: 'Tasks of AWS Prod',
    });
    await waitFor(() =>
      expect(access.asked).toContain('http://maestro/connections/c1/access'),
    );
    // The access dialog opens read-only from the same answer.
    fireEvent.click(screen.getByRole('button', { name: 'Access' }));
    expect(await screen.findByText('user:default/ada')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Save' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Close' }));
    await waitFor(() =>
      expect(screen.queryByRole('button', { name: 'Close' })).toBeNull(),
    );
    expect(screen.queryByRole('button', { name: 'Edit AWS Prod' })).toBeNull();
    expect(
      screen.queryByRole('button', { name: 'Delete AWS Prod' }),
    ).toBeNull();
    expect(
      within(table).queryByRole('button', { name: 'Sync now' }),
    ).toBeNull();
    expect(
      within(table).getByRole('checkbox', { name: 'server-list enabled' }),
    ).toBeDisabled();
  });
});
