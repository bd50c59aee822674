import { BlockList, isIP } from 'node:net';

/**
 * Addresses a clip must not reach without the user's say-so: a hostile page
 * (or a redirect, or a DNS answer) pointing at them would make Dossier probe
 * the journalist's own machine, router, intranet or a cloud metadata service.
 * Node's BlockList matches IPv4-mapped IPv6 (::ffff:127.0.0.1) against the IPv4
 * rules, so one list covers both spellings.
 */
const PRIVATE = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8], // "this network"; 0.0.0.0 reaches the local host on Linux and macOS
  ['10.0.0.0', 8], // RFC 1918
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8], // loopback
  ['169.254.0.0', 16], // link-local, including the 169.254.169.254 metadata service
  ['172.16.0.0', 12], // RFC 1918
  ['192.0.0.0', 24], // IETF protocol assignments
  ['192.168.0.0', 16], // RFC 1918
  ['198.18.0.0', 15], // benchmarking
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, and 255.255.255.255 broadcast
] as const) PRIVATE.addSubnet(network, prefix, 'ipv4');
for (const [network, prefix] of [
  ['::', 128], // unspecified
  ['::1', 128], // loopback
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
  ['fec0::', 10], // site-local (deprecated, still routed on some networks)
  ['ff00::', 8], // multicast
] as const) PRIVATE.addSubnet(network, prefix, 'ipv6');

/** "127.0.0.1", "::1" or "[::1]" (a URL's hostname) as a bare address, or null when it is a name. */
export function ipLiteral(hostname: string): string | null {
  const bare = hostname.startsWith('[') && hostname.endsWith(']') ? hostname.slice(1, -1) : hostname;
  return isIP(bare) ? bare : null;
}

/** True for loopback, link-local, private, CGNAT, unique-local, multicast and unspecified addresses (v4, v6 and v4-mapped v6). */
export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return true; // not an address at all: never treat it as safe
  return PRIVATE.check(address, family === 4 ? 'ipv4' : 'ipv6');
}
