import { azureDiscoverySource } from './azureSource';

const valid = {
  tenantId: '7d3e9a10-58c4-4f2b-8a61-2e9d4c7b1f30',
  clientId: '5b2c8f4e-1d7a-4c3b-9e6f-0a1b2c3d4e5f',
  subscriptionId: '9F1C7B4E-3A52-4D8E-B1A7-6C0E2F4D8A13',
};
const validate = (settings: Record<string, string>) =>
  azureDiscoverySource.validate!({
    settings: { ...valid, ...settings },
    credentials: { clientSecret: 's' },
  });

describe('azureDiscoverySource.validate', () => {
  it('accepts GUIDs, filters and https endpoints', () => {
    expect(
      validate({
        resourceGroups: 'rg-web, RG_Data.(prod)',
        locations: 'eastus, West Europe',
        armEndpoint: 'https://management.chinacloudapi.cn/',
        authorityHost: 'https://login.chinacloudapi.cn',
      }),
    ).toEqual([]);
  });

  it('names each field that is wrong', () => {
    expect(
      validate({
        tenantId: 'contoso.onmicrosoft.com',
        subscriptionId: '9f1c7b4e',
        resourceGroups: 'ok, bad/name, ends.',
        locations: 'eastus, east-us',
        armEndpoint: 'http://management.azure.com',
        authorityHost: 'not a url',
        caCertificate:
          '-----BEGIN CERTIFICATE-----\nnope\n-----END CERTIFICATE-----',
      }),
    ).toEqual([
      { field: 'tenantId', message: 'must be a GUID' },
      { field: 'subscriptionId', message: 'must be a GUID' },
      {
        field: 'resourceGroups',
        message: 'invalid resource group name bad/name, ends.',
      },
      { field: 'locations', message: 'invalid location east-us' },
      { field: 'armEndpoint', message: 'must be an https URL' },
      { field: 'authorityHost', message: 'is not a URL' },
      { field: 'caCertificate', message: 'is not a PEM certificate' },
    ]);
  });

  it('lists the read-only Azure actions of every task', () => {
    const permissions = Object.fromEntries(
      azureDiscoverySource.tasks.map(t => [t.name, t.permissions]),
    );
    expect(permissions['volumes-list']).toEqual([
      'Microsoft.Compute/disks/read',
    ]);
    expect(permissions['server-list']).toEqual([
      'Microsoft.Compute/virtualMachines/read',
      'Microsoft.Compute/locations/vmSizes/read',
      'Microsoft.Network/networkInterfaces/read',
      'Microsoft.Network/publicIPAddresses/read',
    ]);
    expect(
      azureDiscoverySource.tasks
        .flatMap(t => t.permissions)
        .every(p => /^Microsoft\.(Compute|Network)\/[\w/]+\/read$/.test(p)),
    ).toBe(true);
    expect(azureDiscoverySource.tasks.map(t => t.defaultInterval)).toEqual([
      { every: 5, period: 'minutes' },
      { every: 6, period: 'hours' },
      { every: 14, period: 'days' },
      { every: 14, period: 'days' },
      { every: 7, period: 'days' },
    ]);
  });
});
