import { Entity } from '@backstage/catalog-model';
import { MaestroRecordSpec, kindSchema, stringArray } from './common';

/** A cloud account, a region set of a provider, or an own site. */
export interface DatacenterEntity extends Entity {
  kind: 'Datacenter';
  spec: MaestroRecordSpec & {
    /** AWS, Azure, Digital Ocean, OpenStack, or any own provider name. */
    provider: string;
    regions?: string[];
    zones?: string[];
    /** True when the provider is the organisation's own (bare metal). */
    ownProvider?: boolean;
  };
}

export const datacenterSchema = kindSchema({
  kind: 'Datacenter',
  description: 'A Maestro datacenter: a cloud account or a site',
  required: ['provider'],
  properties: {
    provider: { type: 'string', minLength: 1 },
    regions: stringArray,
    zones: stringArray,
    ownProvider: { type: 'boolean' },
  },
});
