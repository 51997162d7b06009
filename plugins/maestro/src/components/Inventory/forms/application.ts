import { KindForm } from './types';
import {
  BACKSTAGE_API,
  descriptionField,
  environmentField,
  nameField,
  ownerField,
  placementField,
  roleSpecFields,
  serversField,
  systemsField,
  tagsField,
} from './common';

/** Applications (Components): general, spec, systems, servers, deploy, dependencies. */
export const applicationForm: KindForm = {
  id: 'application',
  title: 'Application',
  plural: 'applications',
  apiVersion: BACKSTAGE_API,
  kind: 'Component',
  initialSpec: {
    type: 'service',
    family: 'Application',
    lifecycle: 'production',
    owner: '',
  },
  sections: [
    {
      title: 'General',
      fields: [
        nameField,
        environmentField,
        { path: 'spec.language', label: 'Language', type: 'text' },
        {
          path: 'spec.cluster',
          label: 'Cluster mode',
          type: 'select',
          options: 'clusterModes',
        },
        {
          path: 'spec.lifecycle',
          label: 'Lifecycle',
          type: 'select',
          options: ['production', 'experimental', 'deprecated'],
          required: true,
        },
        ownerField,
        descriptionField,
      ],
    },
    {
      title: 'Spec',
      fields: [
        {
          path: 'spec.role.role',
          label: 'Role',
          type: 'select',
          options: 'applicationRoles',
        },
        ...roleSpecFields,
      ],
    },
    { title: 'Systems and servers', fields: [systemsField, serversField] },
    {
      title: 'Deploy',
      fields: [
        {
          path: 'spec.deploy',
          label: 'Deploy',
          type: 'list',
          itemLabel: '{type} {provider}',
          width: 12,
          fields: [
            {
              path: 'type',
              label: 'Type',
              type: 'select',
              options: 'deployTypes',
            },
            { path: 'provider', label: 'Provider / URL', type: 'text' },
          ],
        },
      ],
    },
    {
      title: 'Dependencies',
      fields: [
        {
          path: 'spec.dependencies',
          label: 'Dependencies',
          type: 'list',
          itemLabel: '{target} by {protocol}',
          width: 12,
          fields: [
            {
              path: 'target',
              label: 'Depends on (application or resource)',
              type: 'ref',
              required: true,
              target: { plural: ['applications', 'resources'] },
            },
            {
              path: 'protocol',
              label: 'Protocol',
              type: 'select',
              options: 'protocols',
              free: true,
            },
            { path: 'description', label: 'Description', type: 'text' },
          ],
        },
      ],
    },
    { title: 'Datacenter', fields: [placementField] },
    { title: 'Tags', fields: [tagsField] },
  ],
};
