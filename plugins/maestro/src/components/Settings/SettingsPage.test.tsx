import { fireEvent, screen, waitFor } from '@testing-library/react';
import {
  TestApiProvider,
  renderInTestApp,
} from '@backstage/frontend-test-utils';
import {
  DEFAULT_REGIONS,
  DEFAULT_SERVICES,
  MaestroSettings,
  defaultOptionLists,
} from '@maestro/plugin-maestro-common';
import {
  SettingsApi,
  SettingsInputError,
  settingsApiRef,
} from '../../api/settings';
import { SettingsPage } from './SettingsPage';

/** An in-memory settings backend that refuses what the real one refuses. */
class MemorySettings implements SettingsApi {
  settings: MaestroSettings = {
    options: defaultOptionLists(),
    services: DEFAULT_SERVICES.map(s => ({ ...s, families: [...s.families] })),
    regions: structuredClone(DEFAULT_REGIONS),
  };
  async getSettings() {
    return structuredClone(this.settings);
  }
  async setOptionList(list: string, values: string[]) {
    const blank = values.findIndex(v => !v.trim());
    if (blank >= 0)
      throw new SettingsInputError('bad', [
        { field: `values.${blank}`, message: 'must be a non-empty string' },
      ]);
    this.settings.options[list] = values;
  }
  async setServices(services: MaestroSettings['services']) {
    this.settings.services = services;
  }
  async setRegions(provider: string, regions: Record<string, string[]>) {
    this.settings.regions[provider] = regions;
  }
}

function renderPage(api: MemorySettings) {
  return renderInTestApp(
    <TestApiProvider apis={[[settingsApiRef, api]]}>
      <SettingsPage />
    </TestApiProvider>,
  );
}

// MUI pages render slowly in jsdom on a busy machine.
jest.setTimeout(30_000);

describe('SettingsPage', () => {
  it('adds a service to the catalog and saves it', async () => {
    const api = new MemorySettings();
    await renderPage(api);
    expect(await screen.findByDisplayValue('MySQL')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Add service' }));
    const count = api.settings.services.length;
    fireEvent.change(screen.getByLabelText(`Service ${count + 1} name`), {
      target: { value: 'Varnish' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Save services' }));
    await waitFor(() =>
      expect(api.settings.services.map(s => s.name)).toContain('Varnish'),
    );
  });

  it('edits an option list', async () => {
    const api = new MemorySettings();
    await renderPage(api);
    fireEvent.click(await screen.findByRole('tab', { name: 'Option lists' }));
    fireEvent.click(await screen.findByText('environments'));
    fireEvent.change(screen.getByLabelText('Add to environments'), {
      target: { value: 'QA' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Add' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save environments' }));
    await waitFor(() =>
      expect(api.settings.options.environments).toEqual([
        ...defaultOptionLists().environments,
        'QA',
      ]),
    );
  });

  it('adds a region with a zone to a provider', async () => {
    const api = new MemorySettings();
    await renderPage(api);
    fireEvent.click(
      await screen.findByRole('tab', { name: 'Regions and zones' }),
    );
    fireEvent.change(await screen.findByLabelText('New region'), {
      target: { value: 'westeurope' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Add region' }));
    const zone = screen.getByLabelText('Add to zones of westeurope');
    fireEvent.change(zone, { target: { value: 'Zone 1' } });
    fireEvent.keyDown(zone, { key: 'Enter' });
    fireEvent.click(screen.getByRole('button', { name: /Save .* regions/ }));
    const provider = Object.keys(DEFAULT_REGIONS).sort()[0];
    await waitFor(() =>
      expect(api.settings.regions[provider].westeurope).toEqual(['Zone 1']),
    );
  });
});
