import { KindForm } from './types';
import { MAESTRO_API, nameField, placementField, tagsField } from './common';

export const imageForm: KindForm = {
  id: 'image',
  title: 'Image',
  plural: 'images',
  apiVersion: MAESTRO_API,
  kind: 'Image',
  initialSpec: {},
  sections: [
    {
      title: 'General',
      fields: [
        nameField,
        { path: 'spec.uniqueId', label: 'Unique id', type: 'text' },
        { path: 'spec.imageType', label: 'Image type', type: 'text' },
        { path: 'spec.location', label: 'Location', type: 'text' },
        { path: 'spec.architecture', label: 'Architecture', type: 'text' },
        { path: 'spec.hypervisor', label: 'Hypervisor', type: 'text' },
        {
          path: 'spec.rootDeviceType',
          label: 'Root device type',
          type: 'text',
        },
        { path: 'spec.platform', label: 'Platform', type: 'text' },
        { path: 'spec.public', label: 'Public', type: 'boolean' },
      ],
    },
    { title: 'Datacenter', fields: [placementField] },
    { title: 'Tags', fields: [tagsField] },
  ],
};
