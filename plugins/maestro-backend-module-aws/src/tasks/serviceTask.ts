import {
  DiscoveredEntity,
  DiscoveryConnection,
  DiscoveryTask,
} from '@maestro/plugin-maestro-node';
import {
  AwsClientConfig,
  connectionRegions,
  resolveAwsClientConfig,
} from '../awsClients';
import { schedulerInterval } from './ec2Task';

/** The scope of a global service's records (S3 buckets, CloudFront). */
export const GLOBAL_SCOPE = 'global';

/** Where one scan of a service task runs. */
export interface ServiceScan {
  /** The region the client is signed for. */
  region: string;
  /** The regions the connection lists; empty when it lists none (all). */
  listedRegions: string[];
}

export interface ServiceTaskOptions<Client extends { destroy(): void }> {
  name: string;
  description: string;
  /** Every IAM action the scan calls, shown on the connection form. */
  permissions: string[];
  /**
   * `regional`: scanned in every region of the connection, each region a
   * scope; `global`: scanned once (the service is global), one scope.
   */
  coverage: 'regional' | 'global';
  client(config: AwsClientConfig, region: string): Client;
  /**
   * Translated records page by page: each page is fetched, described and
   * translated before the next is asked for. Failures are already
   * provider errors naming their permission (see `awsCalls`).
   */
  pages(client: Client, scan: ServiceScan): AsyncIterable<DiscoveredEntity[]>;
}

function listedRegions(connection: DiscoveryConnection): string[] {
  return (connection.settings.regions ?? '').split(/[\s,]+/).filter(Boolean);
}

/**
 * A task over one AWS service beyond EC2: every page is handed to the
 * engine before the next is fetched, and a scope (a region, or `global`)
 * is complete only when its last page came.
 */
export function serviceTask<Client extends { destroy(): void }>(
  opts: ServiceTaskOptions<Client>,
): DiscoveryTask {
  const regional = opts.coverage === 'regional';
  return {
    name: opts.name,
    description: opts.description,
    defaultInterval: schedulerInterval(opts.name),
    permissions: regional
      ? ['ec2:DescribeRegions', ...opts.permissions]
      : opts.permissions,
    async run(context) {
      const { connection } = context;
      const config = await resolveAwsClientConfig(connection);
      const listed = listedRegions(connection);
      // A global service answers in any region: the first listed one, so
      // the scan needs no region list of its own.
      const regions = regional
        ? await connectionRegions(connection, config)
        : [listed[0] || connection.settings.defaultRegion || 'us-east-1'];
      for (const region of regions) {
        const scope = regional ? region : GLOBAL_SCOPE;
        const client = opts.client(config, region);
        try {
          let pageNumber = 0;
          for await (const entities of opts.pages(client, {
            region,
            listedRegions: listed,
          })) {
            if (context.signal.aborted) return;
            pageNumber++;
            context.progress({ message: `${scope}: page ${pageNumber}` });
            if (entities.length) await context.emit(scope, entities);
          }
          if (context.signal.aborted) return;
          await context.complete(scope);
        } finally {
          client.destroy();
        }
      }
    },
  };
}
