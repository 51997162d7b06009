import { X509Certificate } from 'crypto';
import { DiscoverySource } from '@maestro/plugin-maestro-node';
import { normalizeLocation, splitList } from './scopes';
import { AZURE_TASKS } from './tasks';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Resource group names: letters, digits, `_-.()`, not ending with a period. */
const RESOURCE_GROUP = /^[\p{L}\p{N}_\-.()]{1,90}$/u;
const LOCATION = /^[a-z0-9]+$/;

function httpsUrlError(value: string): string | undefined {
  try {
    const url = new URL(value);
    if (url.protocol !== 'https:') return 'must be an https URL';
    return url.search || url.hash ? 'must not have a query' : undefined;
  } catch {
    return 'is not a URL';
  }
}

function certificateError(pem: string): string | undefined {
  try {
    // eslint-disable-next-line no-new
    new X509Certificate(pem);
    return undefined;
  } catch {
    return 'is not a PEM certificate';
  }
}

/** Azure subscriptions, read with a client secret of an app registration. */
export const azureDiscoverySource: DiscoverySource = {
  type: 'azure',
  title: 'Microsoft Azure',
  fields: [
    {
      name: 'tenantId',
      title: 'Tenant ID',
      description: 'Directory (tenant) ID of the Microsoft Entra tenant.',
      required: true,
    },
    {
      name: 'clientId',
      title: 'Client ID',
      description:
        'Application (client) ID of the app registration; give it the Reader role on the subscription.',
      required: true,
    },
    {
      name: 'clientSecret',
      title: 'Client secret',
      description: "The secret's value (not its ID).",
      secret: true,
      required: true,
    },
    {
      name: 'subscriptionId',
      title: 'Subscription ID',
      required: true,
    },
    {
      name: 'resourceGroups',
      title: 'Resource groups',
      description:
        'Comma-separated resource groups to inventory; the whole subscription when empty.',
    },
    {
      name: 'locations',
      title: 'Locations',
      description:
        'Comma-separated locations (e.g. eastus, westeurope); every location when empty.',
    },
    {
      name: 'armEndpoint',
      title: 'Resource Manager endpoint',
      description:
        'https://management.azure.com unless a sovereign cloud, Azure Stack or a proxy (or the Maestro fake cloud).',
    },
    {
      name: 'authorityHost',
      title: 'Authority host',
      description:
        'Microsoft Entra ID host that issues tokens; https://login.microsoftonline.com unless a sovereign cloud.',
    },
    {
      name: 'caCertificate',
      title: 'CA certificate (PEM)',
      description:
        'Extra certificate authority to trust for the two endpoints above (a TLS-inspecting proxy, a private cloud); the public ones stay trusted.',
    },
  ],
  tasks: AZURE_TASKS,
  validate({ settings }) {
    const errors: Array<{ field: string; message: string }> = [];
    for (const field of ['tenantId', 'clientId', 'subscriptionId']) {
      if (settings[field] && !GUID.test(settings[field])) {
        errors.push({ field, message: 'must be a GUID' });
      }
    }
    const badGroups = splitList(settings.resourceGroups).filter(
      g => !RESOURCE_GROUP.test(g) || g.endsWith('.'),
    );
    if (badGroups.length) {
      errors.push({
        field: 'resourceGroups',
        message: `invalid resource group name ${badGroups.join(', ')}`,
      });
    }
    const badLocations = splitList(settings.locations).filter(
      l => !LOCATION.test(normalizeLocation(l)),
    );
    if (badLocations.length) {
      errors.push({
        field: 'locations',
        message: `invalid location ${badLocations.join(', ')}`,
      });
    }
    for (const field of ['armEndpoint', 'authorityHost']) {
      const message = settings[field] && httpsUrlError(settings[field]);
      if (message) errors.push({ field, message });
    }
    const certificate =
      settings.caCertificate && certificateError(settings.caCertificate);
    if (certificate)
      errors.push({ field: 'caCertificate', message: certificate });
    return errors;
  },
};
