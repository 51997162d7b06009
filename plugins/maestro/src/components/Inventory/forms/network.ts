import { NETWORK_TYPES } from '@maestro/plugin-maestro-common';
import { KindForm } from './types';
import { MAESTRO_API, nameField, placementField, tagsField } from './common';

export const networkForm: KindForm = {
  id: 'network',
  title: 'Network',
  plural: 'networks',
  apiVersion: MAESTRO_API,
  kind: 'Network',
  initialSpec: { type: 'vpc' },
  sections: [
    {
      title: 'General',
      fields: [
        nameField,
        {
          path: 'spec.type',
          label: 'Type',
          type: 'select',
          options: NETWORK_TYPES,
          required: true,
        },
        { path: 'spec.uniqueId', label: 'Unique id', type: 'text' },
        { path: 'spec.cidr', label: 'CIDR', type: 'text' },
        {
          path: 'spec.network',
          label: 'In network (VPC)',
          type: 'ref',
          target: { plural: 'networks' },
        },
      ],
    },
    { title: 'Datacenter', fields: [placementField] },
    { title: 'Tags', fields: [tagsField] },
  ],
};
