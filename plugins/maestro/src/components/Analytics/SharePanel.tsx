import { useState } from 'react';
import {
  Box,
  Button,
  List,
  ListItem,
  ListItemSecondaryAction,
  ListItemText,
  MenuItem,
  TextField,
  Typography,
} from '@material-ui/core';
import { InfoCard, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { CreatedShare, analyticsApiRef } from '../../api/analytics';

const EXPIRIES = [
  { hours: 1, label: '1 hour' },
  { hours: 24, label: '1 day' },
  { hours: 24 * 7, label: '1 week' },
  { hours: 24 * 30, label: '30 days' },
  { hours: 24 * 365, label: '1 year' },
];

/**
 * Public links: create (signed, expiring), copy link or embed snippet,
 * revoke. Only the graph's writers make and revoke them (`canShare`);
 * its readers see the list.
 */
export function SharePanel(props: {
  graphId: string;
  graphName: string;
  canShare?: boolean;
}) {
  const canShare = props.canShare ?? true;
  const api = useApi(analyticsApiRef);
  const [hours, setHours] = useState(24 * 7);
  const [created, setCreated] = useState<CreatedShare>();
  const [error, setError] = useState<Error>();
  const shares = useAsyncRetry(
    () => api.listShares(props.graphId),
    [api, props.graphId],
  );
  const create = async () => {
    setError(undefined);
    try {
      setCreated(await api.createShare(props.graphId, hours));
      shares.retry();
    } catch (e) {
      setError(e as Error);
    }
  };
  const revoke = async (id: string) => {
    try {
      await api.revokeShare(props.graphId, id);
      if (created?.id === id) setCreated(undefined);
      shares.retry();
    } catch (e) {
      setError(e as Error);
    }
  };
  const embed =
    created &&
    `<iframe src="${created.url}" title="${props.graphName.replace(
      /[&"<>]/g,
      c => `&#${c.charCodeAt(0)};`,
    )}" width="100%" height="600" style="border:0"></iframe>`;
  return (
    <InfoCard title="Share">
      {canShare && (
        <Box display="flex" alignItems="center">
          <TextField
            select
            label="Expires after"
            value={hours}
            onChange={e => setHours(Number(e.target.value))}
            style={{ minWidth: 160 }}
          >
            {EXPIRIES.map(e => (
              <MenuItem key={e.hours} value={e.hours}>
                {e.label}
              </MenuItem>
            ))}
          </TextField>
          <Box ml={2}>
            <Button variant="outlined" color="primary" onClick={create}>
              Create public link
            </Button>
          </Box>
        </Box>
      )}
      {error && <ResponseErrorPanel error={error} />}
      {created && embed && (
        <Box mt={2}>
          <Typography variant="body2">
            Anyone with this link sees this graph as you see it now (only what
            you may read; later recomputations do not change it), read-only,
            until {new Date(created.expiresAt).toLocaleString()}:
          </Typography>
          <TextField
            fullWidth
            label="Public link"
            value={created.url}
            InputProps={{ readOnly: true }}
            inputProps={{ 'data-testid': 'public-link' }}
          />
          <TextField
            fullWidth
            multiline
            label="Embed (Confluence, wikis)"
            value={embed}
            InputProps={{ readOnly: true }}
          />
        </Box>
      )}
      <List dense>
        {(shares.value ?? []).map(share => (
          <ListItem key={share.id}>
            <ListItemText
              primary={`Link created ${new Date(
                share.createdAt,
              ).toLocaleString()} by ${share.createdBy}`}
              secondary={
                share.revokedAt
                  ? `revoked ${new Date(share.revokedAt).toLocaleString()}`
                  : `expires ${new Date(share.expiresAt).toLocaleString()}`
              }
            />
            {canShare && !share.revokedAt && (
              <ListItemSecondaryAction>
                <Button size="small" onClick={() => revoke(share.id)}>
                  Revoke
                </Button>
              </ListItemSecondaryAction>
            )}
          </ListItem>
        ))}
      </List>
    </InfoCard>
  );
}
