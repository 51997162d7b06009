import { KindForm } from './types';
import {
  MAESTRO_API,
  environmentField,
  placementField,
  tagsField,
} from './common';

/** Servers: general, datacenter, storage, auth, services, tags (seed 4.1.1). */
export const serverForm: KindForm = {
  id: 'server',
  title: 'Server',
  plural: 'servers',
  apiVersion: MAESTRO_API,
  kind: 'Server',
  initialSpec: {},
  sections: [
    {
      title: 'General',
      fields: [
        {
          path: 'spec.hostname',
          label: 'Hostname',
          type: 'text',
          required: true,
        },
        { path: 'spec.ipv4Private', label: 'IPv4 private', type: 'text' },
        { path: 'spec.ipv4Public', label: 'IPv4 public', type: 'text' },
        {
          path: 'spec.os.base',
          label: 'OS',
          type: 'select',
          options: 'osBases',
          width: 4,
        },
        { path: 'spec.os.dist', label: 'Distro', type: 'text', width: 4 },
        { path: 'spec.os.version', label: 'Version', type: 'text', width: 4 },
        { path: 'spec.cpu', label: 'CPU', type: 'number', width: 3 },
        { path: 'spec.memory', label: 'Memory (GB)', type: 'number', width: 3 },
        environmentField,
        {
          path: 'spec.role',
          label: 'Role',
          type: 'select',
          options: 'serverRoles',
        },
        {
          path: 'spec.serverType',
          label: 'Type',
          type: 'select',
          options: 'serverTypes',
        },
        {
          path: 'spec.status',
          label: 'Status',
          type: 'select',
          options: 'serverStatuses',
        },
      ],
    },
    { title: 'Datacenter', fields: [placementField] },
    {
      title: 'Storage',
      fields: [
        {
          path: 'spec.storage',
          label: 'Storage',
          type: 'list',
          itemLabel: '{name} {size} GB {type}',
          width: 12,
          fields: [
            { path: 'name', label: 'Mount path', type: 'text', required: true },
            { path: 'size', label: 'Size (GB)', type: 'number', width: 3 },
            { path: 'root', label: 'Boot device', type: 'boolean', width: 3 },
            {
              path: 'type',
              label: 'Attached or built-in',
              type: 'select',
              options: ['attached', 'built-in'],
            },
            {
              path: 'volume',
              label: 'Volume',
              type: 'ref',
              target: { plural: 'volumes' },
            },
            { path: 'fileType', label: 'File type', type: 'text' },
            { path: 'lvm.enabled', label: 'LVM', type: 'boolean', width: 4 },
            { path: 'lvm.pv', label: 'PV name', type: 'text', width: 4 },
            { path: 'lvm.vg', label: 'VG comprises', type: 'text', width: 4 },
          ],
        },
      ],
    },
    {
      title: 'Auth',
      fields: [
        {
          path: 'spec.auth',
          label: 'Auth',
          type: 'list',
          itemLabel: '{type} {username} ({name})',
          width: 12,
          fields: [
            {
              path: 'type',
              label: 'Auth type',
              type: 'select',
              options: 'authTypes',
              required: true,
              width: 4,
            },
            {
              path: 'name',
              label: 'Key name',
              type: 'text',
              width: 4,
              helperText: 'PKI key, AD/LDAP domain; never a secret',
            },
            { path: 'username', label: 'Username', type: 'text', width: 4 },
          ],
        },
      ],
    },
    {
      title: 'Services',
      fields: [
        {
          path: 'spec.services',
          label: 'Services',
          type: 'list',
          itemLabel: '{name} {version}',
          width: 12,
          fields: [
            { path: 'name', label: 'Service', type: 'service', required: true },
            { path: 'version', label: 'Version', type: 'text' },
            { path: 'setup', label: 'Setup (JSON)', type: 'json', width: 12 },
          ],
        },
      ],
    },
    {
      title: 'Cloud',
      fields: [
        {
          path: 'spec.image',
          label: 'Image',
          type: 'ref',
          target: { plural: 'images' },
        },
        {
          path: 'spec.flavor',
          label: 'Flavor',
          type: 'ref',
          target: { plural: 'flavors' },
        },
        {
          path: 'spec.networks',
          label: 'Networks',
          type: 'refs',
          target: { plural: 'networks' },
          width: 12,
        },
      ],
    },
    { title: 'Tags', fields: [tagsField] },
  ],
};
