import { EC2Client } from '@aws-sdk/client-ec2';
import { DiscoveryTask } from '@maestro/plugin-maestro-node';
import { ec2Client } from '../awsClients';
import { RegionalListing, regionalTask } from './regionalTask';

export { schedulerInterval } from './regionalTask';

/** One paged EC2 listing, e.g. DescribeInstances with its paginator. */
export type Ec2Listing<Page> = RegionalListing<EC2Client, Page>;

/** A task of EC2 listings, walked in every region of the connection. */
export function ec2Task(opts: {
  name: string;
  description: string;
  listings: Ec2Listing<any>[];
}): DiscoveryTask {
  return regionalTask({ ...opts, client: ec2Client });
}
