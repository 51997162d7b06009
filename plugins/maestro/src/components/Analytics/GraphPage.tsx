import { useEffect, useMemo, useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { Box, Button, Chip, Grid, Typography } from '@material-ui/core';
import {
  Content,
  Header,
  Link,
  Page,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import { useEntityRefLink } from '@backstage/plugin-catalog-react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { useSignal } from '@backstage/plugin-signals-react';
import { SavedGraph, analyticsApiRef } from '../../api/analytics';
import { GraphDiagram } from './GraphDiagram';
import { Highlight, MetricsPanel, highlightedRefs } from './MetricsPanel';
import { SharePanel } from './SharePanel';
import { download, svgToPng } from './exportImage';
import { AccessButton, useAllowed } from '../Access';

/** One graph: diagram, metrics, recompute, export and share. */
export function GraphPage() {
  const { id = '' } = useParams();
  const api = useApi(analyticsApiRef);
  const entityLink = useEntityRefLink();
  const navigate = useNavigate();
  const [highlight, setHighlight] = useState<Highlight>('none');
  const [computing, setComputing] = useState(false);
  const [actionError, setActionError] = useState<Error>();
  const loaded = useAsyncRetry(() => api.getGraph(id), [api, id]);
  // Recomputing and sharing change the graph: only its writers are offered them.
  const rights = useAllowed({ kind: 'graph', id });
  const mayChange = rights.allowed.update;
  const [graph, setGraph] = useState<SavedGraph>();
  useEffect(() => setGraph(loaded.value), [loaded.value]);

  const recompute = async () => {
    setComputing(true);
    setActionError(undefined);
    try {
      setGraph(await api.computeGraph(id));
    } catch (e) {
      setActionError(e as Error);
    } finally {
      setComputing(false);
    }
  };
  // The backend recomputes graphs whose records changed and says so: show
  // it while it works, and load the new result when it is done.
  const { lastSignal } = useSignal<{
    graphId: string;
    state: 'computing' | 'done' | 'failed';
  }>('maestro:analytics');
  const background =
    lastSignal?.graphId === id && lastSignal.state === 'computing';
  useEffect(() => {
    if (lastSignal?.graphId === id && lastSignal.state !== 'computing')
      loaded.retry();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [lastSignal]);

  // Dependencies changed since the last result: recompute on opening
  // (readers see the last result; the background refresh catches up).
  useEffect(() => {
    if (loaded.value?.stale && mayChange) recompute();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [loaded.value, mayChange]);

  const exportAs = async (format: 'svg' | 'png') => {
    setActionError(undefined);
    try {
      const svg = await api.exportSvg(id);
      const name = (graph?.name ?? 'graph').replace(/[^\w.-]+/g, '_');
      if (format === 'svg')
        download(new Blob([svg], { type: 'image/svg+xml' }), `${name}.svg`);
      else download(await svgToPng(svg), `${name}.png`);
    } catch (e) {
      setActionError(e as Error);
    }
  };

  const result = graph?.result;
  const lit = useMemo(
    () => (result ? highlightedRefs(result, highlight) : new Set<string>()),
    [result, highlight],
  );

  let body;
  if (loaded.error) body = <ResponseErrorPanel error={loaded.error} />;
  else if (!graph) body = <Progress />;
  else
    body = (
      <Grid container spacing={2}>
        <Grid item xs={12}>
          <Box display="flex" alignItems="center" flexWrap="wrap">
            <Chip
              label={computing || background ? 'computing…' : graph.status}
              color={graph.status === 'failed' ? 'secondary' : 'default'}
            />
            <Typography variant="body2" style={{ margin: '0 12px' }}>
              from {graph.source.type} {graph.source.ref}
              {graph.computedAt &&
                ` · computed ${new Date(graph.computedAt).toLocaleString()}`}
            </Typography>
            {mayChange && (
              <Button onClick={recompute} disabled={computing}>
                Recompute
              </Button>
            )}
            <Button onClick={() => exportAs('svg')} disabled={!result}>
              Export SVG
            </Button>
            <Button onClick={() => exportAs('png')} disabled={!result}>
              Export PNG
            </Button>
            <AccessButton
              target={{ kind: 'graph', id }}
              title={graph.name}
              onSaved={rights.retry}
            />
            <Link to="../maker">Dependency maker</Link>
          </Box>
          {(computing || background) && <Progress />}
          {background && (
            <Typography variant="body2">
              Its records changed: recomputing in the background…
            </Typography>
          )}
          {graph.error && (
            <Typography color="error">
              Last computation failed: {graph.error}
            </Typography>
          )}
          {actionError && <ResponseErrorPanel error={actionError} />}
        </Grid>
        {result && (
          <>
            <Grid item xs={12}>
              <GraphDiagram
                result={result}
                highlight={lit}
                onOpenNode={node => {
                  navigate(entityLink(node.ref));
                }}
              />
            </Grid>
            <Grid item xs={12}>
              <MetricsPanel
                result={result}
                highlight={highlight}
                onHighlight={setHighlight}
              />
            </Grid>
          </>
        )}
        <Grid item xs={12}>
          <SharePanel
            graphId={graph.id}
            graphName={graph.name}
            canShare={mayChange}
          />
        </Grid>
      </Grid>
    );
  return (
    <Page themeId="tool">
      <Header title={graph?.name ?? 'Graph'} subtitle="Business graph" />
      <Content>{body}</Content>
    </Page>
  );
}
