import { FieldDef, RefTarget } from './types';

export const MAESTRO_API = 'maestroserver.io/v1alpha1';
export const BACKSTAGE_API = 'backstage.io/v1alpha1';

export const SERVER_TARGET: RefTarget = {
  plural: 'servers',
  searchPaths: ['spec.hostname', 'spec.ipv4Private'],
  detailPath: 'spec.ipv4Private',
};
export const SYSTEM_TARGET: RefTarget = { plural: 'systems' };
export const APPLICATION_TARGET: RefTarget = { plural: 'applications' };

export const nameField: FieldDef = {
  path: 'metadata.title',
  label: 'Name',
  type: 'text',
  required: true,
};
export const descriptionField: FieldDef = {
  path: 'metadata.description',
  label: 'Description',
  type: 'textarea',
  width: 12,
};
export const environmentField: FieldDef = {
  path: 'spec.environment',
  label: 'Environment',
  type: 'select',
  options: 'environments',
};
export const ownerField: FieldDef = {
  path: 'spec.owner',
  label: 'Owner',
  type: 'ref',
  required: true,
  target: { plural: 'teams' },
  helperText: 'The team that owns it',
};
export const placementField: FieldDef = {
  path: 'spec.datacenter',
  label: 'Datacenter',
  type: 'placement',
  width: 12,
};
export const tagsField: FieldDef = {
  path: 'spec.tags',
  label: 'Tags',
  type: 'list',
  itemLabel: '{key}: {value}',
  width: 12,
  fields: [
    { path: 'key', label: 'Key', type: 'text', required: true },
    { path: 'value', label: 'Value', type: 'text' },
  ],
};
/** Endpoint, commands and health check of applications and resources. */
export const roleSpecFields: FieldDef[] = [
  { path: 'spec.role.endpoint', label: 'Endpoint', type: 'text' },
  { path: 'spec.role.path', label: 'Path', type: 'text' },
  { path: 'spec.role.command', label: 'Command', type: 'text' },
  { path: 'spec.role.healthCheck', label: 'Health check', type: 'text' },
];
export const systemsField: FieldDef = {
  path: 'spec.systems',
  label: 'Systems',
  type: 'refs',
  target: SYSTEM_TARGET,
  width: 12,
};
export const serversField: FieldDef = {
  path: 'spec.servers',
  label: 'Servers',
  type: 'refs',
  target: SERVER_TARGET,
  helperText: 'Search by hostname or private IP',
  width: 12,
};
