import { MaestroFamily } from '@maestro/plugin-maestro-common';
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

/** Every other family (cache, broker, CI/CD...): system, servers, cluster, spec. */
export function resourceForm(family: MaestroFamily): KindForm {
  return {
    id: `resource:${family.type}`,
    title: family.family,
    plural: 'resources',
    apiVersion: BACKSTAGE_API,
    kind: 'Resource',
    initialSpec: {
      type: family.type,
      family: family.family,
      owner: '',
    },
    sections: [
      {
        title: 'General',
        fields: [
          nameField,
          environmentField,
          {
            path: 'spec.provider',
            label: 'Service / provider',
            type: 'service',
          },
          {
            path: 'spec.cluster',
            label: 'Cluster',
            type: 'select',
            options: 'clusterModes',
            free: true,
          },
          ownerField,
          descriptionField,
        ],
      },
      { title: 'Spec', fields: roleSpecFields },
      { title: 'Datacenter', fields: [placementField] },
      { title: 'System and servers', fields: [systemsField, serversField] },
      { title: 'Tags', fields: [tagsField] },
    ],
  };
}
