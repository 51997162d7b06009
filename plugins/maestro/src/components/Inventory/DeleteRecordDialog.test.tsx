import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import {
  TestApiProvider,
  renderInTestApp,
} from '@backstage/frontend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { maestroApiRef } from '../../api';
import { DeleteRecordDialog } from './DeleteRecordDialog';
import { InMemoryMaestroApi } from './__testUtils__/InMemoryMaestroApi';

const server: Entity = {
  apiVersion: 'maestroserver.io/v1alpha1',
  kind: 'Server',
  metadata: { name: 'web-01', title: 'web-01.prod' },
  spec: { hostname: 'web-01.prod' },
};

async function renderDialog(api: InMemoryMaestroApi) {
  const onDeleted = jest.fn();
  await renderInTestApp(
    <TestApiProvider apis={[[maestroApiRef, api]]}>
      <DeleteRecordDialog
        plural="servers"
        entity={server}
        onClose={() => {}}
        onDeleted={onDeleted}
      />
    </TestApiProvider>,
  );
  return { onDeleted };
}

describe('DeleteRecordDialog', () => {
  it('says what references the record and asks before deleting it', async () => {
    const api = new InMemoryMaestroApi([server]);
    api.references = {
      totalCount: 1,
      items: [
        {
          entityRef: 'component:default/shop',
          kind: 'Component',
          title: 'Shop',
          fields: ['spec.servers.0'],
        },
      ],
    };
    const { onDeleted } = await renderDialog(api);

    expect(
      await screen.findByText(/1 record refers to web-01.prod/),
    ).toBeInTheDocument();
    const list = screen.getByRole('list', { name: 'References' });
    expect(within(list).getByText('Shop (Component)')).toBeInTheDocument();
    expect(within(list).getByText('spec.servers.0')).toBeInTheDocument();
    expect(api.callsOf('getReferences')).toEqual([['server:default/web-01']]);
    expect(api.callsOf('deleteRecord')).toHaveLength(0);

    fireEvent.click(screen.getByRole('button', { name: 'Delete anyway' }));
    await waitFor(() => expect(onDeleted).toHaveBeenCalled());
    expect(api.callsOf('deleteRecord')).toEqual([['servers', server]]);
  });

  it('deletes an unreferenced record after the plain confirmation', async () => {
    const api = new InMemoryMaestroApi([server]);
    const { onDeleted } = await renderDialog(api);
    expect(
      await screen.findByText('No other record refers to it.'),
    ).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(onDeleted).toHaveBeenCalled());
  });
});
