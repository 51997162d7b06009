import { DiscoveryTaskContext } from '@maestro/plugin-maestro-node';
import { AzureClients } from '../azureClients';
import { SubscriptionScopes } from '../scopes';
import {
  NicSummary,
  VmLookups,
  powerStateOf,
  sizeKey,
} from '../translate/virtualMachine';
import { ArmLookups, forEachPage } from './armTask';

export const VM_READ = 'Microsoft.Compute/virtualMachines/read';
export const VM_SIZES_READ = 'Microsoft.Compute/locations/vmSizes/read';
export const NIC_READ = 'Microsoft.Network/networkInterfaces/read';
export const PUBLIC_IP_READ = 'Microsoft.Network/publicIPAddresses/read';

/**
 * What a VM's own listing lacks: the power state (only the `statusOnly`
 * listing has it, and that listing has nothing else), the private and
 * public IPs (on the network interfaces and public IP resources) and the
 * vCPUs and memory of its size (the sizes of each location the scan
 * covers). Kept to a few strings per VM, so large subscriptions fit.
 */
export const VM_LOOKUPS: ArmLookups<VmLookups> = {
  permissions: [VM_READ, VM_SIZES_READ, NIC_READ, PUBLIC_IP_READ],
  async gather(
    clients: AzureClients,
    context: DiscoveryTaskContext,
    scopes: SubscriptionScopes,
  ) {
    const { signal } = context;
    const report = (what: string, page: number) =>
      context.progress({ message: `${what}: page ${page}` });
    const lookups: VmLookups = {
      powerStates: new Map(),
      interfaces: new Map(),
      publicIps: new Map(),
      sizes: new Map(),
    };
    const locations = new Set<string>();

    await forEachPage(
      clients.compute.virtualMachines.listAll({ statusOnly: 'true' }).byPage(),
      VM_READ,
      signal,
      (vms, page) => {
        report('power states', page);
        for (const vm of vms) {
          if (!vm.id) continue;
          const power = powerStateOf(vm.instanceView?.statuses);
          if (power) lookups.powerStates.set(vm.id.toLowerCase(), power);
          if (vm.location && scopes.of(vm.id, vm.location)) {
            locations.add(vm.location);
          }
        }
      },
    );
    await forEachPage(
      clients.network.networkInterfaces.listAll().byPage(),
      NIC_READ,
      signal,
      (nics, page) => {
        report('network interfaces', page);
        for (const nic of nics) {
          const configs = nic.ipConfigurations ?? [];
          const primary =
            configs.find(
              c => c.primary && c.privateIPAddressVersion !== 'IPv6',
            ) ?? configs.find(c => c.privateIPAddressVersion !== 'IPv6');
          if (!nic.id || !primary) continue;
          const summary: NicSummary = {
            privateIp: primary.privateIPAddress,
            publicIpId: primary.publicIPAddress?.id,
            subnetId: primary.subnet?.id,
          };
          lookups.interfaces.set(nic.id.toLowerCase(), summary);
        }
      },
    );
    await forEachPage(
      clients.network.publicIPAddresses.listAll().byPage(),
      PUBLIC_IP_READ,
      signal,
      (ips, page) => {
        report('public IP addresses', page);
        for (const ip of ips) {
          if (ip.id && ip.ipAddress && ip.publicIPAddressVersion !== 'IPv6') {
            lookups.publicIps.set(ip.id.toLowerCase(), ip.ipAddress);
          }
        }
      },
    );
    for (const location of locations) {
      await forEachPage(
        clients.compute.virtualMachineSizes.list(location).byPage(),
        VM_SIZES_READ,
        signal,
        sizes => {
          for (const size of sizes) {
            if (!size.name) continue;
            lookups.sizes.set(sizeKey(location, size.name), {
              cpu: size.numberOfCores ?? 0,
              memory: (size.memoryInMB ?? 0) / 1024,
            });
          }
        },
      );
    }
    return lookups;
  },
};
