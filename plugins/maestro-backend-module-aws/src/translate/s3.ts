import type { Bucket } from '@aws-sdk/client-s3';
import { DiscoveredEntity } from '@maestro/plugin-maestro-node';
import { compact } from './common';
import {
  AWS_PROVIDERS,
  partitionOf,
  resourceEntity,
  resourceRef,
} from './resourceEntity';

/**
 * The region of a GetBucketLocation answer: empty means us-east-1 and
 * `EU` is the legacy name of eu-west-1.
 */
export function bucketRegion(locationConstraint: string | undefined) {
  if (!locationConstraint) return 'us-east-1';
  if (locationConstraint === 'EU') return 'eu-west-1';
  return locationConstraint;
}

const bucketArn = (name: string, region: string) =>
  `arn:${partitionOf(region)}:s3:::${name}`;

/** The record of a bucket, to relate a CDN origin to it. */
export const bucketRef = (name: string, region = 'us-east-1') =>
  resourceRef(name, bucketArn(name, region));

/** An S3 bucket (ListBuckets, in its region) as an ObjectStorage resource. */
export function translateBucket(
  bucket: Bucket,
  region: string,
): DiscoveredEntity {
  const name = bucket.Name!;
  return resourceEntity(
    {
      family: 'ObjectStorage',
      provider: AWS_PROVIDERS.s3,
      // ListBuckets names the ARN lately; it is this one either way.
      arn: bucket.BucketArn ?? bucketArn(name, region),
      title: name,
      region,
      status: 'Active',
      active: true,
    },
    {
      role: { endpoint: `https://${name}.s3.${region}.amazonaws.com` },
      properties: compact({
        creationDate: bucket.CreationDate?.toISOString(),
      }),
    },
  );
}
