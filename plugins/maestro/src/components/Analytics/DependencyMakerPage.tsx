import { useMemo, useState } from 'react';
import {
  Box,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  List,
  ListItem,
  ListItemSecondaryAction,
  ListItemText,
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
import { MAESTRO_OPTIONS } from '@maestro/plugin-maestro-common';
import {
  GraphNode,
  GraphResult,
  GraphSource,
  NewDependency,
  analyticsApiRef,
} from '../../api/analytics';
import { GraphDiagram } from './GraphDiagram';
import { RecordPicker, useRecordOptions } from './RecordPicker';

/** The seed's dependency protocols (deps_options). */
const PROTOCOLS = [
  ...new Set([
    ...MAESTRO_OPTIONS.protocols,
    ...MAESTRO_OPTIONS.brokerProtocols,
    ...MAESTRO_OPTIONS.defaultProtocols,
  ]),
];

const APP_KINDS = ['applications', 'resources'];

/** The stored graph plus the pending edges, drawn together. */
function withPending(
  base: GraphResult,
  pending: NewDependency[],
  titles: Map<string, { title: string; family?: string }>,
): GraphResult {
  const nodes = [...base.graph.nodes];
  const known = new Set(nodes.map(n => n.ref));
  const depth = new Map(nodes.map(n => [n.ref, n.depth]));
  for (const edge of pending) {
    if (known.has(edge.target)) continue;
    known.add(edge.target);
    const info = titles.get(edge.target);
    const d = (depth.get(edge.source) ?? 0) + 1;
    depth.set(edge.target, d);
    nodes.push({
      ref: edge.target,
      kind: edge.target.split(':')[0],
      name: edge.target.split('/').pop() ?? edge.target,
      title: info?.title ?? edge.target,
      family: info?.family ?? 'Application',
      systems: [],
      servers: [],
      depth: d,
      entry: false,
    });
  }
  return {
    ...base,
    graph: {
      ...base.graph,
      nodes,
      edges: [...base.graph.edges, ...pending],
    },
  };
}

/**
 * The dependency maker: pick an entry, add dependencies from any node with
 * its "+", see the tree grow, commit (each edge through the write path).
 */
export function DependencyMakerPage() {
  const api = useApi(analyticsApiRef);
  const [entry, setEntry] = useState<string>();
  const [base, setBase] = useState<GraphResult>();
  const [pending, setPending] = useState<NewDependency[]>([]);
  const [from, setFrom] = useState<GraphNode>();
  const [target, setTarget] = useState<string>();
  const [protocol, setProtocol] = useState<string>('rest');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error>();
  const [committed, setCommitted] = useState<string[]>();
  const options = useRecordOptions(APP_KINDS);
  const titles = useMemo(
    () => new Map((options.value ?? []).map(o => [o.ref, o])),
    [options.value],
  );

  const load = async (source: GraphSource) => {
    setBusy(true);
    setError(undefined);
    try {
      setBase(await api.analyze(source));
    } catch (e) {
      setError(e as Error);
    } finally {
      setBusy(false);
    }
  };

  const commit = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const { updated } = await api.addDependencies(pending);
      setCommitted(updated);
      setPending([]);
      if (entry) await load({ type: 'application', ref: entry });
    } catch (e) {
      setError(e as Error);
    } finally {
      setBusy(false);
    }
  };

  const result = useMemo(
    () => base && withPending(base, pending, titles),
    [base, pending, titles],
  );

  return (
    <Page themeId="tool">
      <Header
        title="Dependency maker"
        subtitle="Connect applications in one page"
      />
      <Content>
        <InfoCard title="Entry point">
          <RecordPicker
            label="Entry application"
            kinds={APP_KINDS}
            value={entry}
            onChange={ref => {
              setEntry(ref);
              setPending([]);
              setBase(undefined);
              setCommitted(undefined);
              if (ref) load({ type: 'application', ref });
            }}
          />
        </InfoCard>
        {error && <ResponseErrorPanel error={error} />}
        {busy && <Progress />}
        {result && (
          <Box mt={2}>
            <GraphDiagram result={result} onAddFrom={node => setFrom(node)} />
          </Box>
        )}
        {(pending.length > 0 || committed) && (
          <Box mt={2}>
            <InfoCard title="New dependencies">
              <List dense>
                {pending.map((edge, i) => (
                  <ListItem key={`${edge.source}-${edge.target}-${i}`}>
                    <ListItemText
                      primary={`${
                        titles.get(edge.source)?.title ?? edge.source
                      } → ${titles.get(edge.target)?.title ?? edge.target}`}
                      secondary={edge.protocol}
                    />
                    <ListItemSecondaryAction>
                      <Button
                        size="small"
                        onClick={() =>
                          setPending(p => p.filter((_, j) => j !== i))
                        }
                      >
                        Remove
                      </Button>
                    </ListItemSecondaryAction>
                  </ListItem>
                ))}
              </List>
              {committed && (
                <Typography variant="body2">
                  Committed: {committed.length} application(s) updated.
                </Typography>
              )}
              <Button
                color="primary"
                variant="contained"
                disabled={!pending.length || busy}
                onClick={commit}
              >
                Commit
              </Button>
            </InfoCard>
          </Box>
        )}
        <Dialog open={!!from} onClose={() => setFrom(undefined)} fullWidth>
          <DialogTitle>Add a dependency of {from?.title}</DialogTitle>
          <DialogContent>
            <RecordPicker
              label="Depends on"
              kinds={APP_KINDS}
              value={target}
              onChange={setTarget}
              exclude={from ? [from.ref] : []}
            />
            <TextField
              select
              fullWidth
              label="Protocol"
              value={protocol}
              onChange={e => setProtocol(e.target.value)}
            >
              {PROTOCOLS.map(p => (
                <MenuItem key={p} value={p}>
                  {p}
                </MenuItem>
              ))}
            </TextField>
          </DialogContent>
          <DialogActions>
            <Button onClick={() => setFrom(undefined)}>Cancel</Button>
            <Button
              color="primary"
              disabled={!target}
              onClick={() => {
                if (from && target)
                  setPending(p => [
                    ...p,
                    { source: from.ref, target, protocol },
                  ]);
                setFrom(undefined);
                setTarget(undefined);
              }}
            >
              Add dependency
            </Button>
          </DialogActions>
        </Dialog>
      </Content>
    </Page>
  );
}
