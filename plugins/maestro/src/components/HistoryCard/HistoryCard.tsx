import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { ResponseError } from '@backstage/errors';
import { useEntity } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { useEntityHistory } from '../../hooks/useEntityHistory';
import { RevisionItem } from './RevisionItem';

/**
 * A Maestro kind declared in a repository's YAML is in the catalog but not
 * in the store: the backend answers 404, which is no failure of the card.
 */
function isNotInStore(error: Error): boolean {
  return (
    error.name === 'NotFoundError' ||
    (error instanceof ResponseError && error.response.status === 404)
  );
}

function Message(props: { text: string }) {
  return <Typography variant="body2">{props.text}</Typography>;
}

/**
 * The revisions of the entity's Maestro record, newest first: who changed
 * what, when, and through which source (UI, API, import, discovery).
 */
export function HistoryCard() {
  const { entity } = useEntity();
  const {
    value: revisions,
    loading,
    error,
  } = useEntityHistory(stringifyEntityRef(entity));

  let content;
  if (loading) {
    content = <Progress />;
  } else if (error && isNotInStore(error)) {
    content = (
      <Message text="This entity is not in the Maestro store, so it has no history here." />
    );
  } else if (error) {
    content = (
      <ResponseErrorPanel title="Could not load the history" error={error} />
    );
  } else if (!revisions?.length) {
    content = <Message text="No revisions are recorded for this entity." />;
  } else {
    content = (
      <Box component="ol" p={0} m={0} style={{ listStyle: 'none' }}>
        {revisions.map(revision => (
          <RevisionItem key={revision.id} revision={revision} />
        ))}
      </Box>
    );
  }
  return <InfoCard title="History">{content}</InfoCard>;
}
