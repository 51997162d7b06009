import { Suspense, useState } from 'react';
import {
  Box,
  Button,
  Grid,
  LinearProgress,
  MenuItem,
  TextField,
  Typography,
} from '@material-ui/core';
import {
  Content,
  Header,
  InfoCard,
  Page,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  FileImportRefused,
  FileImportResult,
  FileProblem,
  fileImportApiRef,
} from '../../api/fileImport';
import { maestroApiRef } from '../../api';
import { tarArchive } from '../../lib/tarArchive';
import { DropZone } from './DropZone';
import { ImportResultView, ProblemList } from './ImportResultView';

/** A file's bytes (FileReader: supported everywhere the page runs). */
function readBytes(file: File): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error);
    reader.readAsArrayBuffer(file);
  });
}

/** Several files go up as one archive, so the import stays all or nothing. */
async function toUpload(
  files: File[],
): Promise<{ filename: string; body: Blob }> {
  if (files.length === 1) return { filename: files[0].name, body: files[0] };
  const entries = await Promise.all(
    files.map(async f => ({
      path: f.name,
      content: await readBytes(f),
    })),
  );
  return {
    filename: `${files.length}-files.tar`,
    body: new Blob([tarArchive(entries)]),
  };
}

/** Inventory > Import files: Ansible facts and Terraform state, previewed then imported. */
export function FileImportPage() {
  const api = useApi(fileImportApiRef);
  const maestro = useApi(maestroApiRef);
  const setup = useAsync(async () => {
    const [formats, datacenters] = await Promise.all([
      api.getFormats(),
      maestro.listRecords('datacenters', {
        limit: 1000,
        sort: 'metadata.title',
      }),
    ]);
    return { ...formats, datacenters: datacenters.items };
  }, [api, maestro]);
  const [format, setFormat] = useState('');
  const [datacenter, setDatacenter] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<FileImportResult>();
  const [problems, setProblems] = useState<FileProblem[]>();
  const [error, setError] = useState<Error>();

  if (setup.error) return <ResponseErrorPanel error={setup.error} />;
  if (!setup.value) return <Progress />;
  const { items: formats, maxUploadBytes, datacenters } = setup.value;
  const chosen = format || formats[0]?.id || '';
  const total = files.reduce((sum, f) => sum + f.size, 0);
  const tooLarge = total > maxUploadBytes;

  const run = async (dryRun: boolean) => {
    setBusy(true);
    setResult(undefined);
    setProblems(undefined);
    setError(undefined);
    try {
      const upload = await toUpload(files);
      setResult(
        await api.importFile({
          format: chosen,
          ...upload,
          datacenter: datacenter || undefined,
          dryRun,
        }),
      );
    } catch (e) {
      if (e instanceof FileImportRefused) setProblems(e.problems);
      else setError(e as Error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Page themeId="tool">
      <Header
        title="Import files"
        subtitle="Ansible facts, Terraform state and Maestro JSON into the inventory"
      />
      <Content>
        <Grid container spacing={3}>
          <Grid item xs={12} md={5}>
            <InfoCard title="Upload">
              <TextField
                id="maestro-import-format"
                select
                fullWidth
                label="Format"
                value={chosen}
                onChange={e => setFormat(e.target.value)}
                margin="normal"
              >
                {formats.map(f => (
                  <MenuItem key={f.id} value={f.id}>
                    {f.title}
                  </MenuItem>
                ))}
              </TextField>
              <TextField
                id="maestro-import-datacenter"
                select
                fullWidth
                label="Datacenter"
                value={datacenter}
                onChange={e => setDatacenter(e.target.value)}
                margin="normal"
                helperText="Where these hosts are: it helps recognise servers already known"
              >
                <MenuItem value="">None</MenuItem>
                {datacenters.map(d => (
                  <MenuItem
                    key={d.entity.metadata.name}
                    value={stringifyEntityRef(d.entity)}
                  >
                    {d.entity.metadata.title ?? d.entity.metadata.name}
                  </MenuItem>
                ))}
              </TextField>
              <Box mt={2}>
                <DropZone onFiles={setFiles} />
              </Box>
              {files.length > 0 && (
                <Box mt={1}>
                  <Typography
                    variant="body2"
                    color={tooLarge ? 'error' : 'textPrimary'}
                  >
                    {files.length} file{files.length === 1 ? '' : 's'},{' '}
                    {(total / 1024).toFixed(1)} KB
                    {tooLarge &&
                      ` — more than the ${maxUploadBytes} bytes allowed`}
                  </Typography>
                </Box>
              )}
              {busy && <LinearProgress />}
              <Box mt={2} display="flex">
                <Button
                  variant="outlined"
                  color="primary"
                  disabled={busy || !files.length || tooLarge || !chosen}
                  onClick={() => run(true)}
                >
                  Preview
                </Button>
                <Box ml={1}>
                  <Button
                    variant="contained"
                    color="primary"
                    disabled={busy || !files.length || tooLarge || !chosen}
                    onClick={() => run(false)}
                  >
                    Import
                  </Button>
                </Box>
              </Box>
            </InfoCard>
          </Grid>
          <Grid item xs={12} md={7}>
            {error && <ResponseErrorPanel error={error} />}
            {problems && <ProblemList problems={problems} />}
            {result && (
              // The results table loads lazily on first use.
              <Suspense fallback={<LinearProgress />}>
                <ImportResultView result={result} />
              </Suspense>
            )}
          </Grid>
        </Grid>
      </Content>
    </Page>
  );
}
