import { KindForm } from './types';
import { MAESTRO_API, nameField, placementField, tagsField } from './common';

export const snapshotForm: KindForm = {
  id: 'snapshot',
  title: 'Snapshot',
  plural: 'snapshots',
  apiVersion: MAESTRO_API,
  kind: 'Snapshot',
  initialSpec: {},
  sections: [
    {
      title: 'General',
      fields: [
        nameField,
        { path: 'spec.uniqueId', label: 'Unique id', type: 'text' },
        {
          path: 'spec.volume',
          label: 'Volume',
          type: 'ref',
          target: { plural: 'volumes' },
        },
        { path: 'spec.volumeId', label: 'Volume id', type: 'text' },
        { path: 'spec.size', label: 'Size (GB)', type: 'number' },
        { path: 'spec.progress', label: 'Progress', type: 'text' },
        { path: 'spec.startTime', label: 'Start time', type: 'text' },
        { path: 'spec.ownerId', label: 'Owner id', type: 'text' },
        { path: 'spec.encrypted', label: 'Encrypted', type: 'boolean' },
      ],
    },
    { title: 'Datacenter', fields: [placementField] },
    { title: 'Tags', fields: [tagsField] },
  ],
};
