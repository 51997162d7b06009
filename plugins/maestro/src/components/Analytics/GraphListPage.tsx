import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { Box, Button, Chip } from '@material-ui/core';
import RefreshIcon from '@material-ui/icons/Refresh';
import {
  Content,
  Header,
  Link,
  Page,
  ResponseErrorPanel,
  Table,
  TableColumn,
} from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { SavedGraph, analyticsApiRef } from '../../api/analytics';
import { NewGraphDialog } from './NewGraphDialog';
import { ObjectRowActions } from '../Access';

function short(ref: string) {
  return ref.replace(/^[^:]+:(default\/)?/, '');
}

/** Analytics: saved business graphs, "New graph" and the dependency maker. */
export function GraphListPage() {
  const api = useApi(analyticsApiRef);
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  const [busy, setBusy] = useState<string>();
  const [actionError, setActionError] = useState<Error>();
  const graphs = useAsyncRetry(() => api.listGraphs(), [api]);

  const act = async (id: string, action: () => Promise<unknown>) => {
    setBusy(id);
    setActionError(undefined);
    try {
      await action();
      graphs.retry();
    } catch (e) {
      setActionError(e as Error);
    } finally {
      setBusy(undefined);
    }
  };

  const columns: TableColumn<SavedGraph>[] = [
    {
      title: 'Status',
      field: 'status',
      render: g => (
        <Chip size="small" label={busy === g.id ? 'computing…' : g.status} />
      ),
    },
    {
      title: 'Name',
      field: 'name',
      render: g => <Link to={`graphs/${g.id}`}>{g.name}</Link>,
    },
    {
      title: 'System',
      render: g => {
        const systems = (g.summary?.systems ?? []).map(short);
        if (!systems.length) return short(g.source.ref);
        // A graph across many systems would make its row very tall.
        const more = systems.length > 2 ? ` +${systems.length - 2} more` : '';
        return (
          <span title={systems.join(', ')}>
            {systems.slice(0, 2).join(', ')}
            {more}
          </span>
        );
      },
    },
    {
      title: 'Size',
      render: g =>
        g.summary
          ? `${g.summary.nodes} apps, ${g.summary.connections} deps`
          : '',
    },
    {
      title: 'Updated',
      field: 'updatedAt',
      render: g => new Date(g.updatedAt).toLocaleString(),
    },
    {
      title: 'Created',
      field: 'createdAt',
      render: g => new Date(g.createdAt).toLocaleString(),
    },
    {
      title: 'Actions',
      render: g => (
        <ObjectRowActions
          target={{ kind: 'graph', id: g.id }}
          name={g.name}
          busy={busy === g.id}
          update={{
            label: 'Recompute',
            verb: 'Recompute',
            icon: <RefreshIcon fontSize="small" />,
            onClick: () => act(g.id, () => api.computeGraph(g.id)),
          }}
          onDelete={() => {
            // eslint-disable-next-line no-alert
            if (window.confirm(`Delete the graph "${g.name}"?`))
              act(g.id, () => api.deleteGraph(g.id));
          }}
        />
      ),
    },
  ];

  return (
    <Page themeId="tool">
      <Header
        title="Analytics"
        subtitle="Business graphs, visualize dependencies"
      />
      <Content>
        <Box display="flex" justifyContent="flex-end" mb={2}>
          <Button onClick={() => navigate('maker')}>Dependency maker</Button>
          <Button
            color="primary"
            variant="contained"
            onClick={() => setCreating(true)}
          >
            New graph
          </Button>
        </Box>
        {(graphs.error || actionError) && (
          <ResponseErrorPanel error={(graphs.error ?? actionError)!} />
        )}
        <Table
          title="My graphs"
          isLoading={graphs.loading}
          columns={columns}
          data={graphs.value ?? []}
          options={{ paging: false, search: true }}
        />
        <NewGraphDialog
          open={creating}
          onClose={() => setCreating(false)}
          onCreated={graph => {
            setCreating(false);
            navigate(`graphs/${graph.id}`);
          }}
        />
      </Content>
    </Page>
  );
}
