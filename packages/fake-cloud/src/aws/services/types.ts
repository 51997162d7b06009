import { FakeRequest, FakeResponse } from '../../http';
import { FakeAwsRegion } from '../awsData';
import { AwsError } from '../ec2';

/** What a service fake knows of the request beyond its HTTP parts. */
export interface AwsServiceContext {
  /** The region of the SigV4 credential scope. */
  regionName: string;
  /** That region's generated data (instances to attach resources to). */
  region: FakeAwsRegion;
  /** Every region of the account, for global services (S3 ListBuckets, CloudFront). */
  regionNames: string[];
  accountId: string;
  requestId: string;
  /** Resources of each managed-service kind generated per region. */
  servicesPerRegion: number;
}

/**
 * One AWS service (by its SigV4 signing name) served in its own wire
 * protocol: Query XML, REST XML, REST JSON or AWS JSON.
 */
export interface AwsServiceFake {
  /** The action name for counting and failure switches, e.g. `DescribeDBInstances`. */
  action(request: FakeRequest): string;
  handle(request: FakeRequest, context: AwsServiceContext): FakeResponse;
  /** An error in the service's own wire format. */
  error(error: AwsError, requestId: string): FakeResponse;
}

/** A service not served yet: every call answers its protocol-neutral 400. */
export function unservedService(service: string): AwsServiceFake {
  return {
    action: () => 'Unknown',
    handle() {
      throw new AwsError(
        400,
        'InvalidAction',
        `The fake cloud does not serve ${service}`,
      );
    },
    error: (error, requestId) => ({
      status: error.status,
      headers: {
        'content-type': 'text/xml',
        'x-amzn-requestid': requestId,
      },
      body: `<?xml version="1.0" encoding="UTF-8"?>\n<ErrorResponse><Error><Type>Sender</Type><Code>${error.code}</Code><Message>${error.message}</Message></Error><RequestId>${requestId}</RequestId></ErrorResponse>`,
    }),
  };
}
