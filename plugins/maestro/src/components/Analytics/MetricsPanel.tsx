import {
  Box,
  Chip,
  FormControlLabel,
  Grid,
  Switch,
  Typography,
} from '@material-ui/core';
import { InfoCard } from '@backstage/core-components';
import { GraphResult } from '../../api/analytics';
import { familyColor } from '@maestro/plugin-maestro-common';

export type Highlight = 'none' | 'articulation' | 'chain' | 'cycles';

function short(ref: string) {
  return ref.replace(/^[^:]+:(default\/)?/, '');
}

function Figure(props: { label: string; value: React.ReactNode }) {
  return (
    <Box mb={1}>
      <Typography variant="caption" color="textSecondary">
        {props.label}
      </Typography>
      <Typography variant="body1" component="div">
        {props.value}
      </Typography>
    </Box>
  );
}

/** Density, connections, histogram, counts, chains and cuts; toggles highlights. */
export function MetricsPanel(props: {
  result: GraphResult;
  highlight: Highlight;
  onHighlight: (h: Highlight) => void;
}) {
  const { metrics, graph } = props.result;
  const max = Math.max(1, ...metrics.depthHistogram);
  const toggle = (h: Highlight) => (
    <Switch
      size="small"
      checked={props.highlight === h}
      onChange={(_e, on) => props.onHighlight(on ? h : 'none')}
    />
  );
  return (
    <InfoCard title="Metrics">
      <Grid container spacing={2}>
        <Grid item xs={6} md={3}>
          <Figure label="Density" value={metrics.density.toFixed(3)} />
          <Figure label="Connections" value={metrics.connections} />
          <Figure label="Applications" value={metrics.nodes} />
        </Grid>
        <Grid item xs={6} md={3}>
          <Typography variant="caption" color="textSecondary">
            Nodes per depth
          </Typography>
          <Box
            display="flex"
            alignItems="flex-end"
            height={70}
            aria-label="Nodes per depth"
          >
            {metrics.depthHistogram.map((count, depth) => (
              <Box
                key={depth}
                title={`depth ${depth}: ${count}`}
                mr={0.5}
                width={16}
                height={`${(count / max) * 100}%`}
                bgcolor="primary.main"
              />
            ))}
          </Box>
          <Typography variant="caption" data-testid="depth-histogram">
            {metrics.depthHistogram.join(' · ')}
          </Typography>
        </Grid>
        <Grid item xs={12} md={3}>
          <Typography variant="caption" color="textSecondary">
            Families
          </Typography>
          <Box>
            {Object.entries(metrics.families).map(([family, count]) => (
              <Chip
                key={family}
                size="small"
                label={`${family}: ${count}`}
                style={{
                  borderLeft: `6px solid ${familyColor(family)}`,
                  margin: 2,
                }}
              />
            ))}
          </Box>
          <Figure
            label="Systems · clients · servers"
            value={`${metrics.systems.length} · ${metrics.clients.length} · ${metrics.servers.length}`}
          />
        </Grid>
        <Grid item xs={12} md={3}>
          <FormControlLabel
            control={toggle('chain')}
            label={`Longest chain (${Math.max(
              0,
              metrics.longestChain.length - 1,
            )} hops)`}
          />
          <FormControlLabel
            control={toggle('articulation')}
            label={`Single points of failure (${metrics.articulationPoints.length})`}
          />
          {metrics.cycles.length > 0 && (
            <FormControlLabel
              control={toggle('cycles')}
              label={`Cycles (${metrics.cycles.length})`}
            />
          )}
          {props.highlight === 'articulation' && (
            <Typography variant="body2">
              {metrics.articulationPoints.map(short).join(', ') || 'none'}
            </Typography>
          )}
          {props.highlight === 'chain' && (
            <Typography variant="body2">
              {metrics.longestChain.map(short).join(' → ')}
            </Typography>
          )}
        </Grid>
        {graph.problems.length > 0 && (
          <Grid item xs={12}>
            {graph.problems.map(problem => (
              <Typography
                key={problem.type}
                variant="body2"
                color="error"
                data-testid="graph-problem"
              >
                {problem.message}: {problem.refs.map(short).join(', ')}
              </Typography>
            ))}
          </Grid>
        )}
      </Grid>
    </InfoCard>
  );
}

/** The refs a highlight lights up. */
export function highlightedRefs(
  result: GraphResult,
  highlight: Highlight,
): Set<string> {
  if (highlight === 'articulation')
    return new Set(result.metrics.articulationPoints);
  if (highlight === 'chain') return new Set(result.metrics.longestChain);
  if (highlight === 'cycles') return new Set(result.metrics.cycles.flat());
  return new Set();
}
