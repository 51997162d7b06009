import { KindForm } from './types';
import {
  BACKSTAGE_API,
  descriptionField,
  environmentField,
  nameField,
  ownerField,
  placementField,
  systemsField,
  tagsField,
} from './common';

/** Load balancers: service, targets (applications and servers), endpoint, health check. */
export const loadBalancerForm: KindForm = {
  id: 'loadBalancer',
  title: 'Load balancer',
  plural: 'resources',
  apiVersion: BACKSTAGE_API,
  kind: 'Resource',
  initialSpec: {
    type: 'load-balancer',
    family: 'Loadbalance',
    owner: '',
  },
  sections: [
    {
      title: 'General',
      fields: [
        nameField,
        environmentField,
        { path: 'spec.provider', label: 'Service', type: 'service' },
        ownerField,
        descriptionField,
      ],
    },
    {
      title: 'Targets',
      fields: [
        {
          path: 'spec.targets',
          label: 'Targets',
          type: 'refs',
          width: 12,
          helperText: 'Applications, or servers by hostname or private IP',
          target: {
            plural: ['applications', 'servers'],
            searchPaths: [
              'metadata.title',
              'spec.hostname',
              'spec.ipv4Private',
            ],
            detailPath: 'spec.ipv4Private',
          },
        },
      ],
    },
    {
      title: 'Spec',
      fields: [
        { path: 'spec.role.endpoint', label: 'Endpoint', type: 'text' },
        { path: 'spec.role.healthCheck', label: 'Health check', type: 'text' },
      ],
    },
    { title: 'Datacenter', fields: [placementField] },
    { title: 'System', fields: [systemsField] },
    { title: 'Tags', fields: [tagsField] },
  ],
};
