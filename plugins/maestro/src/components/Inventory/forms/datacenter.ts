import { KindForm } from './types';
import { MAESTRO_API, nameField, tagsField } from './common';

/** Datacenters: provider, then its regions and zones (Settings > Regions and zones). */
export const datacenterForm: KindForm = {
  id: 'datacenter',
  title: 'Datacenter',
  plural: 'datacenters',
  apiVersion: MAESTRO_API,
  kind: 'Datacenter',
  initialSpec: {},
  sections: [
    {
      title: 'General',
      fields: [
        nameField,
        {
          path: 'spec.provider',
          label: 'Provider',
          type: 'select',
          options: 'providers',
          free: true,
          required: true,
        },
        {
          path: 'spec.ownProvider',
          label: 'Own provider (bare metal)',
          type: 'boolean',
        },
        {
          path: 'spec',
          label: 'Regions and zones',
          type: 'regions',
          width: 12,
        },
      ],
    },
    { title: 'Tags', fields: [tagsField] },
  ],
};
