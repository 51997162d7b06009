import { JsonValue } from '@backstage/types';
/**
 * Fields every Maestro record carries in its spec, whatever its kind, and the
 * JSON schema fragments they are validated with.
 */

/** The API version of Maestro's own kinds. */
export const MAESTRO_API_VERSION = 'maestroserver.io/v1alpha1';

/** A free key/value tag, as cloud providers and Maestro 0.6 have them. */
export type MaestroTag = {
  key: string;
  value?: string;
};

/** Where a record lives: a Datacenter entity and the cloud's placement in it. */
export type DatacenterPlacement = {
  /** Entity ref of the Datacenter, e.g. `datacenter:default/aws-prod`. */
  ref?: string;
  provider?: string;
  region?: string;
  zone?: string;
  /** The cloud's instance id; keeps discovery from duplicating a server. */
  instanceId?: string;
  instanceType?: string;
  imageId?: string;
  subnetId?: string;
  [extra: string]: JsonValue | undefined;
};

/** Fields shared by the specs of all Maestro records. */
export type MaestroRecordSpec = {
  /** The cloud's (or the user's) unique id, used to recognise the record. */
  uniqueId?: string;
  /** Entity ref of the owning User or Group. */
  owner?: string;
  status?: string;
  /** False once a complete scan no longer sees the record; never deleted. */
  active?: boolean;
  environment?: string;
  tags?: MaestroTag[];
  datacenter?: DatacenterPlacement;
};

type Schema = Record<string, unknown>;

export const stringArray: Schema = { type: 'array', items: { type: 'string' } };
export const entityRefArray: Schema = {
  type: 'array',
  items: { type: 'string', minLength: 1 },
};

/** An array of objects with the given required fields and properties. */
export function objectArray(
  required: string[],
  properties: Record<string, Schema>,
): Schema {
  return { type: 'array', items: { type: 'object', required, properties } };
}

export const tagsSchema: Schema = objectArray(['key'], {
  key: { type: 'string', minLength: 1 },
  value: { type: ['string', 'number', 'boolean', 'null'] },
});

export const datacenterPlacementSchema: Schema = {
  type: 'object',
  properties: {
    ref: { type: 'string', minLength: 1 },
    provider: { type: 'string' },
    region: { type: 'string' },
    zone: { type: 'string' },
    instanceId: { type: 'string' },
    instanceType: { type: 'string' },
    imageId: { type: 'string' },
    subnetId: { type: 'string' },
  },
};

export const commonSpecProperties: Record<string, Schema> = {
  uniqueId: { type: 'string', minLength: 1 },
  owner: { type: 'string', minLength: 1 },
  status: { type: 'string' },
  active: { type: 'boolean' },
  environment: { type: 'string' },
  tags: tagsSchema,
  datacenter: datacenterPlacementSchema,
};

/** Builds the JSON schema of a kind from its spec properties. */
export function kindSchema(opts: {
  kind: string;
  apiVersion?: string;
  description: string;
  required?: string[];
  properties: Record<string, Schema>;
  /** Backstage kinds also take a spec.type etc.: they validate the rest. */
  extendsBackstageKind?: boolean;
}): Schema {
  return {
    $schema: 'http://json-schema.org/draft-07/schema',
    $id: `maestro:${opts.kind}`,
    description: opts.description,
    type: 'object',
    required: ['apiVersion', 'kind', 'metadata', 'spec'],
    properties: {
      apiVersion: opts.extendsBackstageKind
        ? { type: 'string' }
        : { enum: [opts.apiVersion ?? MAESTRO_API_VERSION] },
      kind: { enum: [opts.kind] },
      metadata: { type: 'object' },
      spec: {
        type: 'object',
        required: opts.required ?? [],
        properties: { ...commonSpecProperties, ...opts.properties },
      },
    },
  };
}
