import { DiscoverySource } from '@maestro/plugin-maestro-node';
import { splitList } from './connectionSettings';
import { DIGITALOCEAN_TASKS } from './tasks';

/** Personal access tokens (`dop_v1_`), OAuth tokens (`doo_v1_`), or legacy 64-hex tokens. */
const TOKEN = /^(do[a-z]_v1_)?[0-9a-f]{64}$/;
const SPACES_KEY = /^[A-Z0-9]{16,128}$/;
const REGION = /^[a-z]{3}\d$/;
const HTTP_URL = /^https?:\/\/[^\s]+$/;

/** DigitalOcean accounts: an API token, and a Spaces key for buckets. */
export const digitalOceanDiscoverySource: DiscoverySource = {
  type: 'digitalocean',
  title: 'DigitalOcean',
  fields: [
    {
      name: 'token',
      title: 'API token',
      secret: true,
      required: true,
      description:
        'Personal access token with the read scopes below (a read-only token covers them all).',
    },
    {
      name: 'spacesAccessKeyId',
      title: 'Spaces access key',
      description:
        'Spaces key used to list buckets (storage-object-list); leave empty to skip Spaces.',
    },
    {
      name: 'spacesSecretAccessKey',
      title: 'Spaces secret key',
      secret: true,
    },
    {
      name: 'spacesRegions',
      title: 'Spaces regions',
      description:
        'Comma-separated regions whose buckets to list, e.g. nyc3,ams3.',
    },
    {
      name: 'endpoint',
      title: 'API endpoint override',
      description:
        'Base URL of the API instead of https://api.digitalocean.com (a proxy or the Maestro fake cloud).',
    },
    {
      name: 'spacesEndpoint',
      title: 'Spaces endpoint template override',
      description:
        'Spaces endpoint with {region} for the region, instead of https://{region}.digitaloceanspaces.com.',
    },
  ],
  tasks: DIGITALOCEAN_TASKS,
  validate({ settings, credentials }) {
    const errors: Array<{ field: string; message: string }> = [];
    const token = credentials.token ?? '';
    if (/^bearer\s/i.test(token)) {
      errors.push({ field: 'token', message: 'must not start with "Bearer"' });
    } else if (token && !TOKEN.test(token)) {
      errors.push({
        field: 'token',
        message: 'is not a DigitalOcean API token (dop_v1_ and 64 hex digits)',
      });
    }
    const key = settings.spacesAccessKeyId;
    const secret = credentials.spacesSecretAccessKey;
    if (key && !SPACES_KEY.test(key)) {
      errors.push({
        field: 'spacesAccessKeyId',
        message: 'is not a Spaces access key',
      });
    }
    if (key && !secret) {
      errors.push({
        field: 'spacesSecretAccessKey',
        message: 'is required with spacesAccessKeyId',
      });
    }
    if (secret && !key) {
      errors.push({
        field: 'spacesAccessKeyId',
        message: 'is required with spacesSecretAccessKey',
      });
    }
    const regions = splitList(settings.spacesRegions);
    if (key && !regions.length) {
      errors.push({
        field: 'spacesRegions',
        message: 'is required with a Spaces key (e.g. nyc3,ams3)',
      });
    }
    const bad = regions.filter(r => !REGION.test(r));
    if (bad.length) {
      errors.push({
        field: 'spacesRegions',
        message: `are region slugs such as nyc3; not ${bad.join(', ')}`,
      });
    }
    if (settings.endpoint && !HTTP_URL.test(settings.endpoint)) {
      errors.push({ field: 'endpoint', message: 'must be an http(s) URL' });
    } else if (settings.endpoint && /\/v2\/?$/.test(settings.endpoint)) {
      errors.push({
        field: 'endpoint',
        message: 'must leave out /v2 (the API paths start with it)',
      });
    }
    const template = settings.spacesEndpoint;
    if (
      template &&
      !(HTTP_URL.test(template) && template.includes('{region}'))
    ) {
      errors.push({
        field: 'spacesEndpoint',
        message: 'must be an http(s) URL with {region} in it',
      });
    }
    return errors;
  },
};
