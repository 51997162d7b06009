import { fireEvent, screen, waitFor } from '@testing-library/react';
import {
  TestApiProvider,
  renderInTestApp,
} from '@backstage/frontend-test-utils';
import { discoveryApiRef, fetchApiRef } from '@backstage/frontend-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import {
  MaestroAccess,
  MaestroObjectAccess,
  MaestroRecordAccess,
} from '@maestro/plugin-maestro-common';
import { AccessDialog } from './AccessDialog';

jest.setTimeout(60_000);

/** The access endpoints as the backend answers them, for one record or object. */
function accessBackend(
  initial: MaestroAccess,
  path = '/records/by-ref/access?ref=server%3Adefault%2Falpha',
) {
  let current = initial;
  const puts: unknown[] = [];
  const fetch = async (url: string, init?: RequestInit) => {
    expect(url).toBe(`http://maestro${path}`);
    if (init?.method === 'PUT') {
      const body = JSON.parse(String(init.body));
      puts.push(body);
      if (body.entries.some((e: any) => e.principal.startsWith('component:'))) {
        return new Response(
          JSON.stringify({
            error: { message: 'Invalid record' },
            fieldErrors: [
              {
                field: 'entries[0].principal',
                message: 'must be a user or a group',
              },
            ],
          }),
          { status: 400 },
        );
      }
      current = {
        ...current,
        entries: body.entries,
        owner: body.owner ?? current.owner,
      };
    }
    return new Response(JSON.stringify(current), { status: 200 });
  };
  return { fetch, puts };
}

const catalog = {
  getEntities: async () => ({
    items: [
      { kind: 'User', metadata: { name: 'carol', namespace: 'default' } },
      { kind: 'Group', metadata: { name: 'ops', namespace: 'default' } },
    ],
  }),
};

function renderDialog(access: MaestroRecordAccess) {
  const backend = accessBackend(access);
  const onClose = jest.fn();
  return {
    backend,
    onClose,
    rendered: renderInTestApp(
      <TestApiProvider
        apis={[
          [discoveryApiRef, { getBaseUrl: async () => 'http://maestro' }],
          [fetchApiRef, { fetch: backend.fetch as any }],
          [catalogApiRef, catalog as any],
        ]}
      >
        <AccessDialog entityRef="server:default/alpha" open onClose={onClose} />
      </TestApiProvider>,
    ),
  };
}

const allowed = { update: true, delete: true, manageAccess: true };

describe('AccessDialog', () => {
  it('lists owner and entries, adds a team found by name, changes a role and saves', async () => {
    const { backend, onClose } = renderDialog({
      entityRef: 'server:default/alpha',
      owner: 'user:default/ada',
      entries: [{ principal: 'user:default/carol', role: 'read' }],
      allowed,
    });
    expect(await screen.findByText('user:default/ada')).toBeInTheDocument();
    expect(screen.getByText('user:default/carol')).toBeInTheDocument();

    const search = screen.getByLabelText('Add a user or team');
    fireEvent.change(search, { target: { value: 'ops' } });
    fireEvent.click(await screen.findByText('group:default/ops'));
    expect(screen.getAllByRole('row')).toHaveLength(3);

    fireEvent.click(
      screen.getByRole('button', { name: 'Remove user:default/carol' }),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(backend.puts).toEqual([
      { entries: [{ principal: 'group:default/ops', role: 'read' }] },
    ]);
  });

  it('shows the entries read-only to a caller who may not share the record', async () => {
    renderDialog({
      entityRef: 'server:default/alpha',
      owner: 'user:default/ada',
      entries: [{ principal: 'user:default/carol', role: 'write' }],
      allowed: { update: true, delete: false, manageAccess: false },
    });
    expect(await screen.findByText('user:default/carol')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Save' })).toBeNull();
    expect(screen.queryByLabelText('Add a user or team')).toBeNull();
    expect(screen.getByRole('button', { name: 'Close' })).toBeInTheDocument();
  });

  it('edits the access of a graph the same way, at the graph’s own address, and hands it over', async () => {
    const access: MaestroObjectAccess = {
      kind: 'graph',
      id: 'g1',
      owner: 'user:default/ada',
      entries: [{ principal: 'user:default/carol', role: 'read' }],
      allowed,
    };
    const backend = accessBackend(access, '/analytics/graphs/g1/access');
    const onClose = jest.fn();
    const onSaved = jest.fn();
    await renderInTestApp(
      <TestApiProvider
        apis={[
          [discoveryApiRef, { getBaseUrl: async () => 'http://maestro' }],
          [fetchApiRef, { fetch: backend.fetch as any }],
          [catalogApiRef, catalog as any],
        ]}
      >
        <AccessDialog
          target={{ kind: 'graph', id: 'g1' }}
          title="Architecture"
          open
          onClose={onClose}
          onSaved={onSaved}
        />
      </TestApiProvider>,
    );
    expect(
      await screen.findByText('Access to Architecture'),
    ).toBeInTheDocument();
    expect(screen.getByText('user:default/carol')).toBeInTheDocument();

    fireEvent.mouseDown(screen.getByLabelText('Role of user:default/carol'));
    fireEvent.click(
      await screen.findByRole('option', { name: 'write — Read and change' }),
    );
    fireEvent.change(screen.getByLabelText('New owner'), {
      target: { value: 'group:default/ops' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(backend.puts).toEqual([
      {
        owner: 'group:default/ops',
        entries: [{ principal: 'user:default/carol', role: 'write' }],
      },
    ]);
    expect(onSaved).toHaveBeenCalledWith(
      expect.objectContaining({ owner: 'group:default/ops' }),
    );
  });

  it('says who may change a record without an owner', async () => {
    renderDialog({
      entityRef: 'server:default/alpha',
      entries: [],
      allowed,
    });
    expect(
      await screen.findByText(
        "No owner: only the portal's admins may change this record or its access.",
      ),
    ).toBeInTheDocument();
  });
});
