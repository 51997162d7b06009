import { useState } from 'react';
import {
  Avatar,
  Chip,
  IconButton,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Tooltip,
} from '@material-ui/core';
import EditIcon from '@material-ui/icons/Edit';
import { InfoCard } from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import {
  EntityRefLink,
  EntityRefLinks,
  catalogApiRef,
} from '@backstage/plugin-catalog-react';
import {
  Entity,
  RELATION_HAS_MEMBER,
  getCompoundEntityRef,
} from '@backstage/catalog-model';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { TeamDialog } from './TeamDialog';
import { NewButton, ToolPage } from '../common/ToolPage';

/** Teams Maestro manages (created here or imported) can be edited here. */
export function isMaestroTeam(group: Entity) {
  return (
    group.metadata.annotations?.[
      'backstage.io/managed-by-location'
    ]?.startsWith('maestro:') ?? false
  );
}

/**
 * Teams: every group of the catalog with its members, whether it comes from
 * the organisation's directory or was created here; "New team" creates one
 * through Maestro's write path (for organisations without a directory).
 */
export function TeamsPage() {
  const catalog = useApi(catalogApiRef);
  const { value, loading, error, retry } = useAsyncRetry(
    async () =>
      (
        await catalog.getEntities({
          filter: { kind: 'Group' },
          order: { field: 'metadata.name', order: 'asc' },
        })
      ).items,
    [catalog],
  );
  const [editing, setEditing] = useState<Entity | 'new'>();

  return (
    <ToolPage
      title="Teams"
      subtitle="Groups and their members; the owners and access holders of records"
      error={error}
      loading={loading && !value}
    >
      {value && (
        <InfoCard
          title={`Teams (${value.length})`}
          action={
            <NewButton label="New team" onClick={() => setEditing('new')} />
          }
        >
          <Table size="small" aria-label="Teams">
            <TableHead>
              <TableRow>
                <TableCell />
                <TableCell>Team</TableCell>
                <TableCell>Email</TableCell>
                <TableCell>Members</TableCell>
                <TableCell>Source</TableCell>
                <TableCell />
              </TableRow>
            </TableHead>
            <TableBody>
              {value.map(group => {
                const profile = (group.spec as any)?.profile ?? {};
                const members = (group.relations ?? [])
                  .filter(r => r.type === RELATION_HAS_MEMBER)
                  .map(r => r.targetRef);
                const maestro = isMaestroTeam(group);
                const name =
                  group.metadata.title ??
                  profile.displayName ??
                  group.metadata.name;
                return (
                  <TableRow key={group.metadata.name}>
                    <TableCell padding="checkbox">
                      <Avatar src={profile.picture} alt="">
                        {String(name)[0]?.toUpperCase()}
                      </Avatar>
                    </TableCell>
                    <TableCell>
                      <EntityRefLink
                        entityRef={getCompoundEntityRef(group)}
                        title={name}
                      />
                    </TableCell>
                    <TableCell>{profile.email}</TableCell>
                    <TableCell>
                      {members.length ? (
                        <EntityRefLinks
                          entityRefs={members}
                          defaultKind="user"
                        />
                      ) : (
                        '—'
                      )}
                    </TableCell>
                    <TableCell>
                      <Chip
                        size="small"
                        label={maestro ? 'Maestro' : 'directory'}
                      />
                    </TableCell>
                    <TableCell padding="checkbox">
                      {maestro && (
                        <Tooltip title="Edit">
                          <IconButton
                            aria-label={`Edit ${name}`}
                            onClick={() => setEditing(group)}
                          >
                            <EditIcon />
                          </IconButton>
                        </Tooltip>
                      )}
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        </InfoCard>
      )}
      {editing && (
        <TeamDialog
          team={editing === 'new' ? undefined : editing}
          onClose={saved => {
            setEditing(undefined);
            if (saved) retry();
          }}
        />
      )}
    </ToolPage>
  );
}
