import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  gigabytes,
  isIpv4,
  isPrivateIpv4,
  maestroEntity,
  osBase,
} from '../translateCommon';

/** The part of `ansible -m setup` output that Maestro reads. */
interface Facts {
  ansible_hostname?: string;
  ansible_fqdn?: string;
  ansible_nodename?: string;
  ansible_default_ipv4?: { address?: string };
  ansible_all_ipv4_addresses?: string[];
  ansible_os_family?: string;
  ansible_system?: string;
  ansible_distribution?: string;
  ansible_distribution_version?: string;
  ansible_processor_vcpus?: number;
  ansible_memtotal_mb?: number;
  ansible_kernel?: string;
  ansible_virtualization_type?: string;
  ansible_virtualization_role?: string;
  ansible_uptime_seconds?: number;
  ansible_date_time?: { epoch?: string };
  ansible_mounts?: Array<{
    mount?: string;
    device?: string;
    fstype?: string;
    size_total?: number;
  }>;
  ansible_service_mgr?: string;
  ansible_pkg_mgr?: string;
  ansible_devices?: Record<
    string,
    {
      model?: string | null;
      sectors?: string;
      sectorsize?: string | number;
      virtual?: number;
      holders?: string[];
      partitions?: Record<
        string,
        { sectors?: string; sectorsize?: number | string }
      >;
    }
  >;
}

export class FactsError extends Error {}

function sectorsToGb(sectors?: string, sectorSize?: string | number) {
  const bytes = Number(sectors ?? 0) * Number(sectorSize ?? 512);
  return Number.isFinite(bytes) ? gigabytes(bytes) : 0;
}

/** Devices that hold no data of their own: loop, ram and zero-sized ones. */
function isRealDevice(name: string, device: { sectors?: string }) {
  return (
    !/^(loop|ram|zram|sr|fd)\d*/.test(name) && Number(device.sectors ?? 0) > 0
  );
}

/**
 * One host's facts (a file of `ansible -m setup --tree out/`) as a Server
 * and its Volumes. Throws a FactsError naming the missing fact when the
 * file is not setup output.
 */
export function translateFacts(
  raw: unknown,
  options: { datacenter?: string } = {},
): Entity[] {
  const facts = (raw as { ansible_facts?: Facts })?.ansible_facts;
  if (!facts || typeof facts !== 'object')
    throw new FactsError(
      'has no ansible_facts: not the output of the setup module',
    );
  const hostname = facts.ansible_hostname ?? facts.ansible_nodename;
  if (!hostname)
    throw new FactsError('ansible_facts.ansible_hostname is missing');

  const addresses = (facts.ansible_all_ipv4_addresses ?? []).filter(isIpv4);
  const defaultIp = facts.ansible_default_ipv4?.address;
  const ipv4Private =
    addresses.find(isPrivateIpv4) ??
    (isIpv4(defaultIp) ? defaultIp : undefined);
  const ipv4Public = addresses.find(
    ip => !isPrivateIpv4(ip) && ip !== ipv4Private,
  );

  const epoch = Number(facts.ansible_date_time?.epoch);
  const uptime = facts.ansible_uptime_seconds;
  const bootTime =
    Number.isFinite(epoch) && typeof uptime === 'number'
      ? new Date((epoch - uptime) * 1000).toISOString()
      : undefined;

  const server = maestroEntity('Server', hostname, hostname, {
    hostname,
    fqdn: facts.ansible_fqdn,
    ipv4Private,
    ipv4Public,
    ipv4All: addresses,
    os: {
      base: osBase(facts.ansible_os_family ?? facts.ansible_system),
      dist: facts.ansible_distribution,
      version: facts.ansible_distribution_version,
    },
    cpu: facts.ansible_processor_vcpus,
    memory:
      typeof facts.ansible_memtotal_mb === 'number'
        ? Math.round((facts.ansible_memtotal_mb / 1024) * 100) / 100
        : undefined,
    kernel: facts.ansible_kernel,
    virtualization: {
      type: facts.ansible_virtualization_type,
      role: facts.ansible_virtualization_role,
    },
    bootTime,
    serviceManager: facts.ansible_service_mgr,
    packageManager: facts.ansible_pkg_mgr,
    storage: (facts.ansible_mounts ?? [])
      .filter(m => m.mount)
      .map(m => ({
        name: m.mount,
        size:
          typeof m.size_total === 'number'
            ? gigabytes(m.size_total)
            : undefined,
        fileType: m.fstype,
        root: m.mount === '/',
        type: 'built-in',
        device: m.device,
      })),
    datacenter: options.datacenter ? { ref: options.datacenter } : undefined,
  });
  const serverRef = stringifyEntityRef(server);

  const volumes = Object.entries(facts.ansible_devices ?? {})
    .filter(([name, device]) => isRealDevice(name, device))
    .map(([name, device]) =>
      maestroEntity('Volume', `${hostname}-${name}`, `${hostname} ${name}`, {
        size: sectorsToGb(device.sectors, device.sectorsize),
        device: `/dev/${name}`,
        model: device.model ?? undefined,
        holders: device.holders,
        partitions: Object.entries(device.partitions ?? {}).map(
          ([part, p]) => ({
            name: part,
            size: sectorsToGb(p.sectors, p.sectorsize ?? device.sectorsize),
          }),
        ),
        server: serverRef,
        datacenter: options.datacenter
          ? { ref: options.datacenter }
          : undefined,
      }),
    );
  return [server, ...volumes];
}
