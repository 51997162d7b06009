import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import {
  TestApiProvider,
  renderInTestApp,
} from '@backstage/frontend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { maestroApiRef } from '../../api';
import { FORMS } from './forms';
import { RecordDialog } from './RecordDialog';
import { InMemoryMaestroApi } from './__testUtils__/InMemoryMaestroApi';

const existing: Entity = {
  apiVersion: 'maestroserver.io/v1alpha1',
  kind: 'Server',
  metadata: { name: 'db-01', title: 'db-01' },
  spec: { hostname: 'db-01', ipv4Private: '10.0.0.5' },
};

async function renderDialog(api: InMemoryMaestroApi, entity?: Entity) {
  const onSaved = jest.fn();
  await renderInTestApp(
    <TestApiProvider apis={[[maestroApiRef, api]]}>
      <RecordDialog
        form={FORMS.server}
        entity={entity}
        open
        onClose={() => {}}
        onSaved={onSaved}
      />
    </TestApiProvider>,
  );
  return { onSaved };
}

const input = (label: string) =>
  (screen.queryByRole('textbox', { name: label }) ??
    screen.getByRole('spinbutton', { name: label })) as HTMLInputElement;
const type = (label: string, value: string) =>
  fireEvent.change(input(label), { target: { value } });

describe('RecordDialog', () => {
  it('checks fields on the client first, showing each error next to its field', async () => {
    const api = new InMemoryMaestroApi();
    const { onSaved } = await renderDialog(api);

    type('IPv4 private', 'not-an-ip');
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));

    expect(await screen.findByText('is required')).toBeInTheDocument();
    expect(screen.getByText('must match format "ipv4"')).toBeInTheDocument();
    expect(api.callsOf('createRecord')).toHaveLength(0);
    expect(onSaved).not.toHaveBeenCalled();
    // What was typed stays.
    expect(input('IPv4 private').value).toBe('not-an-ip');
  });

  it("shows the server's field errors next to the fields and keeps the draft", async () => {
    const api = new InMemoryMaestroApi();
    api.nextWriteErrors = [
      { field: 'spec.hostname', message: 'is taken in this datacenter' },
      { field: 'spec.storage.0.size', message: 'must be >= 0' },
    ];
    const { onSaved } = await renderDialog(api);

    type('Hostname', 'web-01');
    type('CPU', '4');
    fireEvent.click(screen.getByRole('tab', { name: /Storage/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Add storage' }));
    type('Mount path', '/dev/xvda');
    type('Size (GB)', '30');
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));

    // The dialog switches to the first tab with an error: General.
    expect(
      await screen.findByText('is taken in this datacenter'),
    ).toBeInTheDocument();
    expect(input('Hostname').value).toBe('web-01');
    expect(
      screen.getByRole('tab', { name: /Storage\s*1/ }),
    ).toBeInTheDocument();
    fireEvent.click(screen.getByRole('tab', { name: /Storage/ }));
    expect(screen.getByText('must be >= 0')).toBeInTheDocument();
    expect(input('Mount path').value).toBe('/dev/xvda');
    expect(onSaved).not.toHaveBeenCalled();

    // Saving again sends the same draft, which now passes.
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    const [[plural, sent]] = api.callsOf('createRecord').slice(-1) as any;
    expect(plural).toBe('servers');
    expect(sent).toEqual({
      apiVersion: 'maestroserver.io/v1alpha1',
      kind: 'Server',
      metadata: { title: 'web-01' },
      spec: {
        hostname: 'web-01',
        cpu: 4,
        storage: [{ name: '/dev/xvda', size: 30 }],
      },
    });
  });

  it('warns when another server already has the private IP', async () => {
    const api = new InMemoryMaestroApi([existing]);
    await renderDialog(api);

    type('IPv4 private', '10.0.0.5');
    expect(
      await screen.findByText(/Another server already has this private IP/),
    ).toHaveTextContent('db-01');
    expect(api.callsOf('listRecords')).toContainEqual([
      'servers',
      { filter: { 'spec.ipv4Private': '10.0.0.5' }, limit: 5 },
    ]);
  });

  it('edits a record without warning about its own IP, keeping its name', async () => {
    const api = new InMemoryMaestroApi([existing]);
    const { onSaved } = await renderDialog(api, existing);

    expect(input('Hostname').value).toBe('db-01');
    type('Memory (GB)', '64');
    await new Promise(r => setTimeout(r, 400));
    expect(
      screen.queryByText(/Another server already has/),
    ).not.toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    const [[, sent]] = api.callsOf('updateRecord') as any;
    expect(sent.metadata.name).toBe('db-01');
    expect(sent.spec).toEqual({
      hostname: 'db-01',
      ipv4Private: '10.0.0.5',
      memory: 64,
    });
  });

  it('offers the region and zones of the chosen datacenter', async () => {
    const api = new InMemoryMaestroApi([
      {
        apiVersion: 'maestroserver.io/v1alpha1',
        kind: 'Datacenter',
        metadata: { name: 'aws-east', title: 'AWS East' },
        spec: {
          provider: 'AWS',
          regions: ['us-east-1'],
          zones: ['us-east-1a', 'us-east-1b'],
        },
      },
    ]);
    await renderDialog(api, {
      ...existing,
      spec: {
        ...existing.spec,
        datacenter: { ref: 'datacenter:default/aws-east' },
      },
    });
    fireEvent.click(screen.getByRole('tab', { name: /Datacenter/ }));
    await waitFor(() =>
      expect(api.callsOf('getRecordByRef')).toContainEqual([
        'datacenter:default/aws-east',
      ]),
    );
    const zone = screen.getByRole('textbox', { name: 'Zone' });
    fireEvent.mouseDown(zone);
    fireEvent.keyDown(zone, { key: 'ArrowDown' });
    const listbox = await screen.findByRole('listbox');
    expect(
      within(listbox)
        .getAllByRole('option')
        .map(o => o.textContent),
    ).toEqual(['us-east-1a', 'us-east-1b']);
  });
});
