import { KindForm } from './types';
import { MAESTRO_API, descriptionField, nameField, tagsField } from './common';

/** Clients: contacts by channel. */
export const clientForm: KindForm = {
  id: 'client',
  title: 'Client',
  plural: 'clients',
  apiVersion: MAESTRO_API,
  kind: 'Client',
  initialSpec: {},
  sections: [
    { title: 'General', fields: [nameField, descriptionField] },
    {
      title: 'Contacts',
      fields: [
        {
          path: 'spec.contacts',
          label: 'Contacts',
          type: 'list',
          itemLabel: '{channel}: {value}',
          width: 12,
          fields: [
            {
              path: 'channel',
              label: 'Channel',
              type: 'select',
              options: ['email', 'phone', 'slack', 'teams', 'other'],
              free: true,
              required: true,
            },
            { path: 'value', label: 'Contact', type: 'text', required: true },
          ],
        },
      ],
    },
    { title: 'Tags', fields: [tagsField] },
  ],
};
