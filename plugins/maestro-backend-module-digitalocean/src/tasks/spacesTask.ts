import {
  DiscoveryProviderError,
  DiscoveryTask,
} from '@maestro/plugin-maestro-node';
import { readSettings, spacesEndpoint } from '../connectionSettings';
import {
  SPACES_PERMISSION,
  bucketPages,
  spacesClient,
} from '../spaces/spacesClient';
import { translateBucket } from '../translate/services';
import { schedulerInterval } from './apiTask';

/**
 * Spaces buckets, region by region, through the S3 API with the Spaces
 * key: each region is a scope, complete once its listing came through.
 */
export const STORAGE_OBJECT_LIST: DiscoveryTask = {
  name: 'storage-object-list',
  description: 'Spaces buckets of the listed regions (S3 ListBuckets)',
  defaultInterval: schedulerInterval('storage-object-list'),
  permissions: [SPACES_PERMISSION],
  async run(context) {
    const { spaces, maxAttempts } = readSettings(context.connection);
    if (!spaces || !spaces.regions.length) {
      throw new DiscoveryProviderError({
        kind: 'credentials',
        code: 'no_spaces_key',
        message:
          'The connection has no Spaces access key, secret and regions: add them to list Spaces buckets, or disable this task.',
      });
    }
    for (const region of spaces.regions) {
      const endpoint = spacesEndpoint(spaces.endpointTemplate, region);
      const client = spacesClient(spaces, endpoint, region, maxAttempts);
      try {
        let number = 0;
        for await (const page of bucketPages(client, region, context.signal)) {
          if (context.signal.aborted) return;
          number++;
          context.progress({ message: `${region}: page ${number}` });
          await context.emit(
            region,
            (page.Buckets ?? [])
              .filter(b => b.Name)
              .map(b => translateBucket(b, { region, endpoint })),
          );
        }
        await context.complete(region);
      } finally {
        client.destroy();
      }
    }
  },
};
