import { fireEvent, screen, waitFor } from '@testing-library/react';
import {
  TestApiProvider,
  renderInTestApp,
} from '@backstage/frontend-test-utils';
import {
  FileImportApi,
  FileImportRefused,
  fileImportApiRef,
} from '../../api/fileImport';
import { maestroApiRef } from '../../api';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { FileImportPage } from './FileImportPage';

jest.setTimeout(60_000);

/** Answers as the backend does: refuses files named bad*, previews the rest. */
class FakeFileImport implements FileImportApi {
  calls: Array<{
    format: string;
    filename: string;
    dryRun: boolean;
    datacenter?: string;
    size: number;
  }> = [];
  async getFormats() {
    return {
      items: [
        { id: 'ansible', title: 'Ansible facts' },
        { id: 'terraform', title: 'Terraform state' },
      ],
      maxUploadBytes: 1000,
    };
  }
  async importFile(o: Parameters<FileImportApi['importFile']>[0]) {
    this.calls.push({
      format: o.format,
      filename: o.filename,
      dryRun: o.dryRun,
      datacenter: o.datacenter,
      size: o.body.size,
    });
    if (o.filename.startsWith('bad'))
      throw new FileImportRefused('refused', [
        {
          file: o.filename,
          location: 'line 3, column 1',
          message: 'is not valid JSON',
        },
      ]);
    return {
      dryRun: o.dryRun,
      created: 1,
      updated: 0,
      unchanged: 0,
      skipped: [],
      records: [
        { entityRef: 'server:default/web-1', action: 'created' as const },
      ],
    };
  }
}

const maestro = {
  listRecords: async () => ({
    items: [
      {
        entity: {
          apiVersion: 'maestroserver.io/v1alpha1',
          kind: 'Datacenter',
          metadata: { name: 'site-a', title: 'Site A' },
          spec: { provider: 'OpenStack' },
        },
      },
    ],
    totalCount: 1,
  }),
};

async function renderPage(api: FakeFileImport) {
  await renderInTestApp(
    <TestApiProvider
      apis={[
        [fileImportApiRef, api],
        [maestroApiRef, maestro as any],
      ]}
    >
      <FileImportPage />
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
}

const file = (name: string, text: string) => new File([text], name);

describe('FileImportPage', () => {
  it('previews one dropped file, naming nothing written', async () => {
    const api = new FakeFileImport();
    await renderPage(api);
    fireEvent.change(await screen.findByTestId('file-input'), {
      target: { files: [file('web-1', '{"ansible_facts":{}}')] },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Preview' }));
    expect(
      await screen.findByText('Preview: nothing written yet'),
    ).toBeInTheDocument();
    expect(screen.getByText('1 created')).toBeInTheDocument();
    expect(api.calls).toEqual([
      {
        format: 'ansible',
        filename: 'web-1',
        dryRun: true,
        datacenter: undefined,
        size: 20,
      },
    ]);
  });

  it('sends several files as one tar archive', async () => {
    const api = new FakeFileImport();
    await renderPage(api);
    fireEvent.change(await screen.findByTestId('file-input'), {
      target: { files: [file('web-1', '{}'), file('web-2', '{}')] },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Import' }));
    expect(await screen.findByText('Imported')).toBeInTheDocument();
    // Two 512-byte headers, two data blocks, two closing blocks.
    expect(api.calls[0]).toMatchObject({
      filename: '2-files.tar',
      dryRun: false,
      size: 6 * 512,
    });
  });

  it('shows each problem of a refused upload', async () => {
    const api = new FakeFileImport();
    await renderPage(api);
    fireEvent.change(await screen.findByTestId('file-input'), {
      target: { files: [file('bad.json', '{')] },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Import' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'bad.json at line 3, column 1: is not valid JSON',
    );
  });

  it('will not send more than the server accepts', async () => {
    const api = new FakeFileImport();
    await renderPage(api);
    fireEvent.change(await screen.findByTestId('file-input'), {
      target: { files: [file('big', 'x'.repeat(2000))] },
    });
    expect(
      await screen.findByText(/more than the 1000 bytes allowed/),
    ).toBeInTheDocument();
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Import' })).toBeDisabled(),
    );
  });
});
