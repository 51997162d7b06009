import { KindForm } from './types';
import {
  MAESTRO_API,
  SERVER_TARGET,
  nameField,
  placementField,
  tagsField,
} from './common';

/** Volumes, and attaching one to a server. */
export const volumeForm: KindForm = {
  id: 'volume',
  title: 'Volume',
  plural: 'volumes',
  apiVersion: MAESTRO_API,
  kind: 'Volume',
  initialSpec: {},
  sections: [
    {
      title: 'General',
      fields: [
        nameField,
        { path: 'spec.uniqueId', label: 'Unique id', type: 'text' },
        { path: 'spec.size', label: 'Size (GB)', type: 'number' },
        { path: 'spec.volumeType', label: 'Volume type', type: 'text' },
        { path: 'spec.iops', label: 'IOPS', type: 'number' },
        { path: 'spec.encrypted', label: 'Encrypted', type: 'boolean' },
        {
          path: 'spec.status',
          label: 'Status',
          type: 'select',
          options: 'volumeStatuses',
        },
      ],
    },
    {
      title: 'Attachment',
      fields: [
        {
          path: 'spec.server',
          label: 'Attached to server',
          type: 'ref',
          target: SERVER_TARGET,
        },
        {
          path: 'spec.device',
          label: 'Device',
          type: 'text',
          helperText: 'e.g. /dev/xvdf',
        },
      ],
    },
    { title: 'Datacenter', fields: [placementField] },
    { title: 'Tags', fields: [tagsField] },
  ],
};
