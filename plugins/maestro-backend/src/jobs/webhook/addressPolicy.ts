import net from 'net';

/**
 * Which addresses a webhook may reach. By default only public ones: loopback,
 * private, link-local (the cloud metadata service), carrier-grade NAT,
 * multicast and unspecified addresses are refused, so that a user cannot
 * make the backend call what only it can reach (server-side request
 * forgery). `maestro.jobs.webhooks.allow` lists hosts and CIDR ranges that
 * are allowed all the same.
 */
export class AddressPolicy {
  private readonly blocks = new net.BlockList();
  private readonly allowed = new net.BlockList();
  private readonly allowedHosts = new Set<string>();

  constructor(allow: string[] = []) {
    for (const [network, prefix, family] of [
      ['0.0.0.0', 8, 'ipv4'],
      ['10.0.0.0', 8, 'ipv4'],
      ['100.64.0.0', 10, 'ipv4'],
      ['127.0.0.0', 8, 'ipv4'],
      ['169.254.0.0', 16, 'ipv4'],
      ['172.16.0.0', 12, 'ipv4'],
      ['192.0.0.0', 24, 'ipv4'],
      ['192.168.0.0', 16, 'ipv4'],
      ['198.18.0.0', 15, 'ipv4'],
      ['224.0.0.0', 3, 'ipv4'],
      ['::', 128, 'ipv6'],
      ['::1', 128, 'ipv6'],
      ['fc00::', 7, 'ipv6'],
      ['fe80::', 10, 'ipv6'],
      ['ff00::', 8, 'ipv6'],
    ] as const) {
      this.blocks.addSubnet(network, prefix, family);
    }
    for (const entry of allow) {
      const [network, prefix] = entry.split('/');
      const family = net.isIP(network);
      if (family && prefix !== undefined)
        this.allowed.addSubnet(
          network,
          Number(prefix),
          family === 4 ? 'ipv4' : 'ipv6',
        );
      else if (family)
        this.allowed.addAddress(network, family === 4 ? 'ipv4' : 'ipv6');
      else this.allowedHosts.add(entry.toLowerCase());
    }
  }

  /** Why the address may not be called, or undefined when it may. */
  refusal(host: string, address: string): string | undefined {
    if (this.allowedHosts.has(host.toLowerCase())) return undefined;
    // IPv4-mapped IPv6 (::ffff:10.0.0.1) is checked as the IPv4 it is.
    const mapped = address.match(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i)?.[1];
    const ip = mapped ?? address;
    const family = net.isIP(ip) === 6 ? 'ipv6' : 'ipv4';
    if (this.allowed.check(ip, family)) return undefined;
    if (this.blocks.check(ip, family))
      return `${host} resolves to ${address}, a private, loopback or link-local address; add it to maestro.jobs.webhooks.allow to permit it`;
    return undefined;
  }
}
