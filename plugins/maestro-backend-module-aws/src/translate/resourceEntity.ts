import { DiscoveredEntity } from '@maestro/plugin-maestro-node';
import { AwsTag, compact, ref } from './common';
import { managedResource, stableName } from './managedResource';

/** Maestro's provider names of AWS's managed services, as 0.6 wrote them. */
export const AWS_PROVIDERS = {
  s3: 'S3 (AWS)',
  sqs: 'SQS (AWS)',
  lambda: 'Lambda (AWS)',
  lambdaLayer: 'Lambda Layer (AWS)',
  dynamodb: 'DynamoDB (AWS)',
  apiGateway: 'ApiGateway (AWS)',
  cloudFront: 'CloudFront (AWS)',
} as const;

/**
 * The entity ref of a managed resource from what another resource knows
 * of it (its name or id, and its ARN), to relate the two.
 */
export const resourceRef = (name: string, arn: string) =>
  ref('resource', stableName(name, arn));

/** `aws`, `aws-cn` or `aws-us-gov`: the partition of ARNs built from a region. */
export function partitionOf(region: string) {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  return 'aws';
}

export interface ResourceIdentity {
  /** Maestro family, e.g. `ObjectStorage`. */
  family: string;
  provider: string;
  /** The unique id: the entity name is derived from it. */
  arn: string;
  /** The provider's name of the resource. */
  title: string;
  /**
   * The readable part of the entity name when it is not the title: what
   * other resources know this one by, and what a rename does not change
   * (a REST API's or a distribution's id).
   */
  nameHint?: string;
  description?: string;
  /** Unset for global resources (CloudFront). */
  region?: string;
  tags?: AwsTag[];
  status: string;
  active: boolean;
}

/**
 * A managed AWS resource of the JSON/REST services as a Maestro record
 * (see `managedResource`), identified by its ARN.
 */
export function resourceEntity(
  identity: ResourceIdentity,
  spec: Record<string, unknown>,
): DiscoveredEntity {
  const entity = managedResource({
    family: identity.family,
    name: stableName(identity.nameHint ?? identity.title, identity.arn),
    title: identity.title,
    tags: identity.tags,
    spec: {
      provider: identity.provider,
      uniqueId: identity.arn,
      status: identity.status,
      active: identity.active,
      datacenter: compact({ provider: 'AWS', region: identity.region }),
      ...spec,
    },
  });
  if (identity.description) {
    entity.metadata.description = identity.description;
  }
  return entity;
}
