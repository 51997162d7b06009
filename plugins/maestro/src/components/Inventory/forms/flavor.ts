import { KindForm } from './types';
import { MAESTRO_API, nameField, tagsField } from './common';

export const flavorForm: KindForm = {
  id: 'flavor',
  title: 'Flavor',
  plural: 'flavors',
  apiVersion: MAESTRO_API,
  kind: 'Flavor',
  initialSpec: {},
  sections: [
    {
      title: 'General',
      fields: [
        nameField,
        {
          path: 'spec.apiName',
          label: 'API name',
          type: 'text',
          required: true,
          helperText: 'e.g. t3.micro',
        },
        {
          path: 'spec.provider',
          label: 'Provider',
          type: 'select',
          options: 'providers',
          free: true,
        },
        { path: 'spec.vcpus', label: 'vCPUs', type: 'number', width: 3 },
        {
          path: 'spec.memory',
          label: 'Memory (GiB)',
          type: 'number',
          width: 3,
        },
        { path: 'spec.gpus', label: 'GPUs', type: 'number', width: 3 },
        { path: 'spec.storage', label: 'Storage', type: 'text', width: 3 },
      ],
    },
    { title: 'Tags', fields: [tagsField] },
  ],
};
