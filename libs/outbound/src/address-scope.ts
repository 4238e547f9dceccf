import ipaddr from 'ipaddr.js';

/**
 * Where an IP address lies, for the outbound URL policy:
 * - `public`: global unicast, reachable by anyone on the internet;
 * - `private`: this machine or its private networks (loopback, RFC 1918, CGNAT, IPv6 unique-local);
 * - `restricted`: everything else that is not public unicast: link-local (where cloud metadata
 *   services live), the metadata addresses themselves, unspecified, multicast, broadcast, reserved and
 *   documentation ranges, and IPv6 forms that embed an IPv4 address (NAT64, 6to4, Teredo).
 */
export type AddressScope = 'public' | 'private' | 'restricted';

const PRIVATE_RANGES = new Set(['loopback', 'private', 'uniqueLocal', 'carrierGradeNat']);

/** Cloud metadata services outside link-local: AWS's IPv6 one (unique-local), Alibaba's (CGNAT). */
const METADATA_ADDRESSES = new Set(['fd00:ec2::254', '100.100.100.200']);

/**
 * The scope of an IP address (v4 or v6, IPv4-mapped IPv6 read as the IPv4 address it carries), by
 * ipaddr.js's IANA special-purpose ranges. Whatever is not a valid address is `restricted`.
 */
export function addressScope(address: string): AddressScope {
  const bare = address.startsWith('[') && address.endsWith(']') ? address.slice(1, -1) : address;
  if (!ipaddr.isValid(bare)) return 'restricted';
  const parsed = ipaddr.process(bare);
  if (METADATA_ADDRESSES.has(parsed.toString())) return 'restricted';
  const range = parsed.range();
  if (range === 'unicast') return 'public';
  return PRIVATE_RANGES.has(range) ? 'private' : 'restricted';
}

/** Whether `host` is an IP address (IPv6 with or without brackets) rather than a name. */
export function isIpLiteral(host: string): boolean {
  const bare = host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
  return ipaddr.isValid(bare) && (bare.includes(':') || ipaddr.IPv4.isValidFourPartDecimal(bare));
}
