import { DiscoverySource } from '@maestro/plugin-maestro-node';
import {
  IDENTITY_API_VERSIONS,
  OPENSTACK_INTERFACES,
  splitList,
} from './openstackSettings';
import { OPENSTACK_TASKS } from './tasks';

/** OpenStack projects: a Keystone v3 user with the `reader` role on the project. */
export const openstackDiscoverySource: DiscoverySource = {
  type: 'openstack',
  title: 'OpenStack',
  fields: [
    {
      name: 'authUrl',
      title: 'Auth URL',
      required: true,
      description:
        'Keystone v3 URL (OS_AUTH_URL of an openrc file), e.g. https://keystone.example.com:5000/v3.',
    },
    {
      name: 'apiVersion',
      title: 'API version',
      description:
        'Identity API version: 3 (the default and the only one clouds still serve).',
    },
    { name: 'username', title: 'Username', required: true },
    { name: 'password', title: 'Password', secret: true, required: true },
    {
      name: 'userDomain',
      title: 'User domain',
      description:
        'Name (e.g. Default) or id (default, or 32 hex digits) of the user’s domain; Default when empty.',
    },
    {
      name: 'projectName',
      title: 'Project name',
      description: 'The project to inventory; or give its id.',
    },
    {
      name: 'projectId',
      title: 'Project ID',
      description: 'Takes precedence over the project name and domain.',
    },
    {
      name: 'projectDomain',
      title: 'Project domain',
      description:
        'Name or id of the project’s domain, with the project name; Default when empty.',
    },
    {
      name: 'region',
      title: 'Regions',
      description:
        'Comma-separated regions to scan; every region of the service catalog when empty.',
    },
    {
      name: 'interface',
      title: 'Interface',
      description:
        'Endpoints of the catalog to use: public (the default) or internal (from inside the cloud).',
    },
  ],
  tasks: OPENSTACK_TASKS,
  validate({ settings }) {
    const errors: Array<{ field: string; message: string }> = [];
    const authUrl = (settings.authUrl ?? '').trim();
    if (!/^https?:\/\/[^\s/]+(\/\S*)?$/.test(authUrl)) {
      errors.push({ field: 'authUrl', message: 'must be an http(s) URL' });
    } else if (/\/v2\.0\/?$/.test(authUrl)) {
      errors.push({
        field: 'authUrl',
        message:
          'is a Keystone v2.0 URL; v2.0 left Keystone in Queens, give the v3 one',
      });
    }
    const version = (settings.apiVersion ?? '').trim().replace(/^v/i, '');
    if (version && !IDENTITY_API_VERSIONS.includes(version)) {
      errors.push({
        field: 'apiVersion',
        message: `must be ${IDENTITY_API_VERSIONS.join(' or ')} (Keystone v3)`,
      });
    }
    if (!settings.projectId?.trim() && !settings.projectName?.trim()) {
      errors.push({
        field: 'projectName',
        message: 'or projectId is required',
      });
    }
    if (settings.projectId && /\s/.test(settings.projectId.trim())) {
      errors.push({ field: 'projectId', message: 'must not contain spaces' });
    }
    if (
      settings.interface &&
      !(OPENSTACK_INTERFACES as readonly string[]).includes(settings.interface)
    ) {
      errors.push({
        field: 'interface',
        message: `must be one of ${OPENSTACK_INTERFACES.join(', ')}`,
      });
    }
    const bad = splitList(settings.region).filter(
      r => !/^[\w.:-]{1,255}$/.test(r),
    );
    if (bad.length) {
      errors.push({
        field: 'region',
        message: `is not a region id: ${bad.join(', ')}`,
      });
    }
    return errors;
  },
};
