import { KindForm } from './types';
import {
  BACKSTAGE_API,
  descriptionField,
  nameField,
  ownerField,
  tagsField,
} from './common';

/** Systems: links, clients, entry applications. */
export const systemForm: KindForm = {
  id: 'system',
  title: 'System',
  plural: 'systems',
  apiVersion: BACKSTAGE_API,
  kind: 'System',
  initialSpec: { owner: '' },
  sections: [
    { title: 'General', fields: [nameField, ownerField, descriptionField] },
    {
      title: 'Links',
      fields: [
        {
          path: 'metadata.links',
          label: 'Links',
          type: 'list',
          itemLabel: '{title} {url}',
          width: 12,
          fields: [
            { path: 'url', label: 'URL', type: 'text', required: true },
            { path: 'title', label: 'Title', type: 'text' },
          ],
        },
      ],
    },
    {
      title: 'Clients and entry points',
      fields: [
        {
          path: 'spec.clients',
          label: 'Clients',
          type: 'refs',
          target: { plural: 'clients' },
          width: 12,
        },
        {
          path: 'spec.entryPoints',
          label: 'Entry applications',
          type: 'refs',
          target: { plural: 'applications' },
          width: 12,
        },
      ],
    },
    { title: 'Tags', fields: [tagsField] },
  ],
};
