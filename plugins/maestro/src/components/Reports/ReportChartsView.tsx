import { Grid, Typography } from '@material-ui/core';
import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import {
  Bar,
  BarChart,
  Cell,
  Legend,
  Pie,
  PieChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { ReportChart } from '@maestro/plugin-maestro-common';
import { reportsApiRef } from '../../api/reports';

const PALETTE = [
  '#1f77b4',
  '#ff7f0e',
  '#2ca02c',
  '#d62728',
  '#9467bd',
  '#8c564b',
  '#e377c2',
  '#7f7f7f',
  '#bcbd22',
  '#17becf',
];

/** A pie for a few values, bars for more. */
function ChartCard(props: { chart: ReportChart }) {
  const { chart } = props;
  const data = chart.buckets.map(b => ({ name: b.value, count: b.count }));
  return (
    <InfoCard title={chart.title}>
      <div
        data-testid={`chart-${chart.id}`}
        style={{ width: '100%', height: 240 }}
      >
        <ResponsiveContainer width="100%" height="100%">
          {data.length <= 5 ? (
            <PieChart>
              <Pie
                data={data}
                dataKey="count"
                nameKey="name"
                outerRadius={80}
                label
              >
                {data.map((_, i) => (
                  <Cell key={i} fill={PALETTE[i % PALETTE.length]} />
                ))}
              </Pie>
              <Tooltip />
              <Legend />
            </PieChart>
          ) : (
            <BarChart data={data}>
              <XAxis
                dataKey="name"
                interval={0}
                angle={-30}
                textAnchor="end"
                height={60}
              />
              <YAxis allowDecimals={false} />
              <Tooltip />
              <Bar dataKey="count" fill={PALETTE[0]} />
            </BarChart>
          )}
        </ResponsiveContainer>
      </div>
    </InfoCard>
  );
}

/** The seed's aggregations of the report's records, as charts. */
export function ReportChartsView(props: { reportId: string; version: string }) {
  const api = useApi(reportsApiRef);
  const charts = useAsync(
    () => api.getCharts(props.reportId),
    [api, props.reportId, props.version],
  );
  if (charts.loading) return <Progress />;
  if (charts.error) return <ResponseErrorPanel error={charts.error} />;
  const withData = (charts.value ?? []).filter(c => c.buckets.length);
  if (!withData.length)
    return <Typography>No values to chart in this report's rows.</Typography>;
  return (
    <Grid container spacing={2}>
      {withData.map(chart => (
        <Grid item xs={12} md={6} lg={4} key={chart.id}>
          <ChartCard chart={chart} />
        </Grid>
      ))}
    </Grid>
  );
}
