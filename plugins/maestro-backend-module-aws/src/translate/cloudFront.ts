import type { DistributionSummary } from '@aws-sdk/client-cloudfront';
import { DiscoveredEntity } from '@maestro/plugin-maestro-node';
import { compact } from './common';
import { listOrUndefined } from './managedResource';
import { AWS_PROVIDERS, resourceEntity } from './resourceEntity';
import { bucketRef } from './s3';
import { restApiRef } from './apiGateway';

// `bucket.s3.region.amazonaws.com`, `bucket.s3.amazonaws.com`, website endpoints.
const S3_ORIGIN =
  /^(.+?)\.s3(?:[.-]website)?(?:[.-]([a-z]{2}(?:-[a-z]+)+-\d))?\.amazonaws\.com(?:\.cn)?$/;
const API_ORIGIN =
  /^([a-z0-9]{10})\.execute-api\.([a-z0-9-]+)\.amazonaws\.com$/;

/** The record an origin domain is, when it is a bucket or REST API of the account. */
export function originRef(domain: string): string | undefined {
  const api = API_ORIGIN.exec(domain);
  if (api) return restApiRef(api[1], api[2]);
  const bucket = S3_ORIGIN.exec(domain);
  if (bucket) return bucketRef(bucket[1], bucket[2]);
  return undefined;
}

/**
 * A CloudFront distribution (ListDistributions) as a CDN resource,
 * depending on the buckets and REST APIs it serves. A disabled one is
 * `Stopped`; the name people know it by is its comment, alias or domain.
 */
export function translateDistribution(
  d: DistributionSummary,
): DiscoveredEntity {
  const aliases = listOrUndefined(d.Aliases?.Items ?? []);
  const origins = (d.Origins?.Items ?? [])
    .map(o => o.DomainName!)
    .filter(Boolean);
  const dependencies = origins
    .map(domain => ({ domain, target: originRef(domain) }))
    .filter((o): o is { domain: string; target: string } => Boolean(o.target))
    .map(o => ({
      target: o.target,
      protocol: 'http',
      description: `origin ${o.domain}`,
    }));
  return resourceEntity(
    {
      family: 'CDN',
      provider: AWS_PROVIDERS.cloudFront,
      arn: d.ARN!,
      title: d.Comment || aliases?.[0] || d.DomainName!,
      nameHint: d.Id,
      status: d.Enabled === false ? 'Stopped' : 'Active',
      active: true,
    },
    {
      role: { endpoint: `https://${d.DomainName}` },
      dependencies: listOrUndefined(dependencies),
      properties: compact({
        distributionId: d.Id,
        domainName: d.DomainName,
        aliases,
        origins: listOrUndefined(origins),
        deploymentStatus: d.Status,
        priceClass: d.PriceClass,
        httpVersion: d.HttpVersion,
        webAclId: d.WebACLId || undefined,
      }),
    },
  );
}
