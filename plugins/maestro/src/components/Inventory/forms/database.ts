import { KindForm } from './types';
import {
  BACKSTAGE_API,
  SERVER_TARGET,
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

/**
 * Databases: the seed has an Oracle form, a MySQL form and a generic one;
 * `spec.database.form` says which, and the engine-specific fields live
 * under `spec.database`.
 */
export const databaseForm: KindForm = {
  id: 'database',
  title: 'Database',
  plural: 'resources',
  apiVersion: BACKSTAGE_API,
  kind: 'Resource',
  initialSpec: {
    type: 'database',
    family: 'Database',
    owner: '',
    database: { form: 'generic' },
  },
  sections: [
    {
      title: 'General',
      fields: [
        nameField,
        environmentField,
        {
          path: 'spec.database.form',
          label: 'Form',
          type: 'select',
          options: ['generic', 'oracle', 'mysql'],
          required: true,
          helperText: 'Oracle and MySQL have their own fields',
        },
        { path: 'spec.database.service', label: 'Service', type: 'service' },
        {
          path: 'spec.database.type',
          label: 'Type',
          type: 'select',
          options: 'databaseTypes',
          free: true,
        },
        {
          path: 'spec.cluster',
          label: 'Cluster',
          type: 'select',
          options: 'databaseClusters',
          free: true,
        },
        {
          path: 'spec.database.role',
          label: 'Role',
          type: 'select',
          options: 'databaseRoles',
          free: true,
        },
        {
          path: 'spec.status',
          label: 'Status',
          type: 'select',
          options: 'databaseStatuses',
        },
        ownerField,
        descriptionField,
      ],
    },
    {
      title: 'Oracle',
      fields: [
        {
          path: 'spec.database.oracleType',
          label: 'Type (apps or ASM/SOA)',
          type: 'select',
          options: 'oracle.type',
        },
        {
          path: 'spec.database.storageType',
          label: 'Storage type',
          type: 'select',
          options: 'oracle.storage_types',
        },
        {
          path: 'spec.database.oracleCluster',
          label: 'Cluster',
          type: 'select',
          options: 'oracle.cluster',
        },
        {
          path: 'spec.database.crsVersion',
          label: 'CRS version',
          type: 'text',
        },
        {
          path: 'spec.database.oracleRole',
          label: 'Role',
          type: 'select',
          options: 'oracle.role',
        },
        {
          path: 'spec.database.cdbs',
          label: 'CDBs',
          type: 'strings',
          width: 12,
        },
        {
          path: 'spec.database.instances',
          label: 'Instances',
          type: 'list',
          itemLabel: '{dbName} on {server} ({role})',
          width: 12,
          fields: [
            {
              path: 'server',
              label: 'Server',
              type: 'ref',
              required: true,
              target: SERVER_TARGET,
            },
            { path: 'dbName', label: 'DB name', type: 'text' },
            {
              path: 'role',
              label: 'Role',
              type: 'select',
              options: 'oracle.role',
            },
          ],
        },
      ],
    },
    {
      title: 'MySQL',
      fields: [
        {
          path: 'spec.database.mysqlRole',
          label: 'Master / replica',
          type: 'select',
          options: ['Master', 'Replica'],
        },
        {
          path: 'spec.database.auroraCluster',
          label: 'Aurora cluster',
          type: 'text',
        },
        {
          path: 'spec.database.backups',
          label: 'Backups',
          type: 'textarea',
          width: 12,
        },
      ],
    },
    { title: 'Spec', fields: roleSpecFields },
    { title: 'Datacenter', fields: [placementField] },
    { title: 'Servers and system', fields: [serversField, systemsField] },
    { title: 'Tags', fields: [tagsField] },
  ],
};
