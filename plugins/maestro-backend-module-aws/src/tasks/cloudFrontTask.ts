import {
  CloudFrontClient,
  paginateListDistributions,
} from '@aws-sdk/client-cloudfront';
import { cloudFrontClient } from '../serviceClients';
import { translateDistribution } from '../translate/cloudFront';
import { awsPages } from './awsCalls';
import { serviceTask } from './serviceTask';

export const DISTRIBUTIONS_PAGE_SIZE = 100;

/** CloudFront is global: one listing, in the scope `global`. */
export const CDNS_LIST = serviceTask<CloudFrontClient>({
  name: 'cdns-list',
  description: 'CloudFront distributions and the origins they serve',
  permissions: ['cloudfront:ListDistributions'],
  coverage: 'global',
  client: config => cloudFrontClient(config),
  async *pages(client) {
    const pages = paginateListDistributions(
      { client, pageSize: DISTRIBUTIONS_PAGE_SIZE },
      {},
    );
    for await (const page of awsPages('cloudfront:ListDistributions', pages)) {
      yield (page.DistributionList?.Items ?? []).map(translateDistribution);
    }
  },
});
