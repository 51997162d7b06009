import fs from 'fs';
import path from 'path';
import { validateMaestroEntity } from '@maestro/plugin-maestro-common';
import { FactsError, translateFacts } from './translateFacts';

// Real output of `ansible -i localhost, -c local -m setup --tree facts/ all`
// (Debian's ansible-core), committed as it came.
const raw = JSON.parse(
  fs.readFileSync(path.join(__dirname, '__fixtures__/facts/localhost'), 'utf8'),
);
const facts = raw.ansible_facts;

describe('translateFacts', () => {
  const [server, ...volumes] = translateFacts(raw, {
    datacenter: 'datacenter:default/site-a',
  });

  it('reads the host as a valid Server', () => {
    expect(validateMaestroEntity(server)).toEqual([]);
    expect(server.kind).toBe('Server');
    expect(server.spec).toMatchObject({
      hostname: facts.ansible_hostname,
      fqdn: facts.ansible_fqdn,
      ipv4All: facts.ansible_all_ipv4_addresses,
      cpu: facts.ansible_processor_vcpus,
      memory: Math.round((facts.ansible_memtotal_mb / 1024) * 100) / 100,
      kernel: facts.ansible_kernel,
      os: {
        base: 'Linux',
        dist: facts.ansible_distribution,
        version: facts.ansible_distribution_version,
      },
      virtualization: {
        type: facts.ansible_virtualization_type,
        role: facts.ansible_virtualization_role,
      },
      serviceManager: facts.ansible_service_mgr,
      packageManager: facts.ansible_pkg_mgr,
      datacenter: { ref: 'datacenter:default/site-a' },
    });
    // This host has one address outside the private ranges: it is still its
    // private (default) address, as Maestro has no better one.
    expect(server.spec!.ipv4Private).toBe(facts.ansible_default_ipv4.address);
    expect(server.spec!.bootTime).toBe(
      new Date(
        (Number(facts.ansible_date_time.epoch) - facts.ansible_uptime_seconds) *
          1000,
      ).toISOString(),
    );
  });

  it('reads every mount as storage', () => {
    expect(server.spec!.storage).toEqual(
      facts.ansible_mounts.map((m: any) => ({
        name: m.mount,
        size: Math.round((m.size_total / 1024 ** 3) * 100) / 100,
        fileType: m.fstype,
        root: m.mount === '/',
        type: 'built-in',
        device: m.device,
      })),
    );
  });

  it('reads real block devices as volumes attached to the server, not loop devices', () => {
    const real = Object.entries(facts.ansible_devices).filter(
      ([name, d]: [string, any]) =>
        !name.startsWith('loop') && Number(d.sectors) > 0,
    );
    expect(real.length).toBeGreaterThan(0);
    expect(volumes.map(v => v.spec!.device).sort()).toEqual(
      real.map(([name]) => `/dev/${name}`).sort(),
    );
    for (const volume of volumes) {
      expect(validateMaestroEntity(volume)).toEqual([]);
      expect(volume.spec!.server).toBe(
        `server:default/${server.metadata.name}`,
      );
      expect(volume.spec!.size).toBeGreaterThan(0);
    }
  });

  it('prefers a private address and keeps a public one apart', () => {
    const [host] = translateFacts({
      ansible_facts: {
        ansible_hostname: 'edge',
        ansible_default_ipv4: { address: '203.0.113.7' },
        ansible_all_ipv4_addresses: ['203.0.113.7', '10.1.2.3'],
      },
    });
    expect(host.spec).toMatchObject({
      ipv4Private: '10.1.2.3',
      ipv4Public: '203.0.113.7',
    });
  });

  it('refuses a file that is not setup output', () => {
    expect(() => translateFacts({ changed: false })).toThrow(FactsError);
    expect(() => translateFacts({ ansible_facts: {} })).toThrow(
      /ansible_hostname is missing/,
    );
  });
});
