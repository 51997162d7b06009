import { ReactElement } from 'react';
import { IconButton, Tooltip } from '@material-ui/core';
import DeleteIcon from '@material-ui/icons/Delete';
import { AccessTarget } from './accessClient';
import { useAllowed } from './useAllowed';

/**
 * The row actions of a saved object in a list (a report, a graph): its
 * update action (run, recompute) and Delete, each shown only to those the
 * server lets do it.
 */
export function ObjectRowActions(props: {
  target: Extract<AccessTarget, { id: string }>;
  name: string;
  busy: boolean;
  update: { label: string; verb: string; icon: ReactElement; onClick(): void };
  onDelete: () => void;
}) {
  const { target, name, busy, update } = props;
  const { allowed } = useAllowed(target);
  return (
    <>
      {allowed.update && (
        <Tooltip title={update.label}>
          <IconButton
            size="small"
            aria-label={`${update.verb} ${name}`}
            disabled={busy}
            onClick={update.onClick}
          >
            {update.icon}
          </IconButton>
        </Tooltip>
      )}
      {allowed.delete && (
        <Tooltip title="Delete">
          <IconButton
            size="small"
            aria-label={`Delete ${name}`}
            disabled={busy}
            onClick={props.onDelete}
          >
            <DeleteIcon fontSize="small" />
          </IconButton>
        </Tooltip>
      )}
    </>
  );
}
