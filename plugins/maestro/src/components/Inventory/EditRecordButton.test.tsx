import { fireEvent, screen, waitFor } from '@testing-library/react';
import {
  TestApiProvider,
  renderInTestApp,
} from '@backstage/frontend-test-utils';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { maestroApiRef } from '../../api';
import { demoServer } from '../../__fixtures__/entities';
import { MaestroDetailsCard } from '../MaestroDetailsCard';
import { InMemoryMaestroApi } from './__testUtils__/InMemoryMaestroApi';

describe('Edit action of the Maestro details card', () => {
  it("opens the kind's form on the store's record and saves the edit", async () => {
    const { relations: _r, ...stored } = demoServer as any;
    const api = new InMemoryMaestroApi([stored]);
    await renderInTestApp(
      <TestApiProvider apis={[[maestroApiRef, api]]}>
        <EntityProvider entity={demoServer}>
          <MaestroDetailsCard />
        </EntityProvider>
      </TestApiProvider>,
      { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
    );

    fireEvent.click(await screen.findByRole('button', { name: 'Edit' }));
    const cpu = (await screen.findByRole('spinbutton', {
      name: 'CPU',
    })) as HTMLInputElement;
    expect(cpu.value).toBe(String((demoServer.spec as any).cpu ?? ''));
    fireEvent.change(cpu, { target: { value: '12' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(api.callsOf('updateRecord')).toHaveLength(1));
    const [[plural, sent]] = api.callsOf('updateRecord') as any;
    expect(plural).toBe('servers');
    expect(sent.metadata.name).toBe(demoServer.metadata.name);
    expect(sent.spec.cpu).toBe(12);
    expect(sent.relations).toBeUndefined();
  });
});
