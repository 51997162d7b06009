import {
  Bucket,
  GetBucketLocationCommand,
  S3Client,
  paginateListBuckets,
} from '@aws-sdk/client-s3';
import { s3Client } from '../serviceClients';
import { bucketRegion, translateBucket } from '../translate/s3';
import { awsPages, describeListed, mapConcurrent } from './awsCalls';
import { serviceTask } from './serviceTask';

export const BUCKETS_PAGE_SIZE = 200;

/**
 * Where a bucket is: ListBuckets says so when asked with parameters (it
 * always is here); S3-compatible stores that do not get GetBucketLocation.
 * Undefined for a bucket deleted since it was listed.
 */
async function regionOf(client: S3Client, bucket: Bucket) {
  if (bucket.BucketRegion) return bucket.BucketRegion;
  const out = await describeListed('s3:GetBucketLocation', 'NoSuchBucket', () =>
    client.send(new GetBucketLocationCommand({ Bucket: bucket.Name })),
  );
  return out && bucketRegion(out.LocationConstraint);
}

/**
 * S3 buckets. Buckets are global: one listing for the whole account (in
 * the scope `global`), each recorded in its own region; when the
 * connection lists regions, buckets elsewhere are left out.
 */
export const STORAGE_OBJECT_LIST = serviceTask<S3Client>({
  name: 'storage-object-list',
  description: 'S3 buckets, in their regions',
  permissions: ['s3:ListAllMyBuckets', 's3:GetBucketLocation'],
  coverage: 'global',
  client: s3Client,
  async *pages(client, scan) {
    const pages = paginateListBuckets(
      { client, pageSize: BUCKETS_PAGE_SIZE },
      {},
    );
    for await (const page of awsPages('s3:ListAllMyBuckets', pages)) {
      const buckets = (page.Buckets ?? []).filter(b => b.Name);
      const regions = await mapConcurrent(buckets, 8, b => regionOf(client, b));
      yield buckets.flatMap((bucket, i) => {
        const region = regions[i];
        if (!region) return [];
        if (scan.listedRegions.length && !scan.listedRegions.includes(region))
          return [];
        return [translateBucket(bucket, region)];
      });
    }
  },
});
