import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';

/** IPv6 global unicast (2000::/3): the only IPv6 space a platform API can live in. */
const GLOBAL_UNICAST_V6 = ipaddr.IPv6.parseCIDR('2000::/3');
/** Cloud metadata services, named in refusals so an operator sees what was aimed at. */
const METADATA = ['169.254.169.254', '100.100.100.200', '192.0.0.192', 'fd00:ec2::254'].map((text) =>
  ipaddr.parse(text).toNormalizedString(),
);

/**
 * Why an address may not be connected to, or null when it is public. An IPv4-mapped or NAT64
 * (64:ff9b::/96) IPv6 address is judged by the IPv4 address inside it. Everything that is not public
 * unicast is refused: loopback, private, link-local, CGNAT, multicast, unspecified, reserved, metadata.
 */
export function refusalOf(address: string): string | null {
  const parsed = normalize(address);
  if (!parsed) return 'not an IP address';
  if (METADATA.includes(parsed.toNormalizedString())) return 'metadata';
  if (parsed.kind() === 'ipv4') {
    const range = (parsed as ipaddr.IPv4).range();
    return range === 'unicast' ? null : range;
  }
  const range = (parsed as ipaddr.IPv6).range();
  if (range !== 'unicast') return range;
  return parsed.match(GLOBAL_UNICAST_V6) ? null : 'not global unicast';
}

/** The address as ipaddr sees it, IPv4 inside IPv4-mapped and NAT64 forms, zone ids dropped. */
function normalize(address: string): ipaddr.IPv4 | ipaddr.IPv6 | null {
  const bare = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  if (isIP(bare) === 0) return null;
  const parsed = ipaddr.parse(bare);
  if (parsed.kind() === 'ipv4') return parsed;
  const v6 = parsed as ipaddr.IPv6;
  if (v6.isIPv4MappedAddress()) return v6.toIPv4Address();
  if (v6.range() === 'rfc6052' && v6.match(ipaddr.IPv6.parseCIDR('64:ff9b::/96'))) {
    return new ipaddr.IPv4(v6.toByteArray().slice(12));
  }
  return v6;
}

/**
 * EGRESS_ALLOW: addresses, CIDRs and host names that may be reached although they are not public
 * (a self-hosted Mastodon or WordPress on the LAN, the tests' local servers). A host name admits
 * whatever it resolves to; an address or CIDR admits that address whatever name led to it.
 */
export class AllowList {
  private readonly ranges: Array<[ipaddr.IPv4 | ipaddr.IPv6, number]> = [];
  private readonly hosts = new Set<string>();

  constructor(entries: readonly string[]) {
    for (const entry of entries) {
      const parsed = parseAllowEntry(entry);
      if (!parsed) throw new Error(`not an address, CIDR or host name: ${entry}`);
      if (typeof parsed === 'string') this.hosts.add(parsed);
      else this.ranges.push(parsed);
    }
  }

  admitsHost(hostname: string): boolean {
    return this.hosts.has(hostname.toLowerCase().replace(/\.$/, ''));
  }

  admitsAddress(address: string): boolean {
    const parsed = normalize(address);
    return (
      parsed !== null &&
      this.ranges.some(([network, bits]) => network.kind() === parsed.kind() && parsed.match(network, bits))
    );
  }
}

const HOST_NAME = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/;

/** One allow-list entry as a range (an address is a /32 or /128) or a lower-case host name; null when it is neither. */
export function parseAllowEntry(entry: string): [ipaddr.IPv4 | ipaddr.IPv6, number] | string | null {
  const text = entry.trim().toLowerCase();
  const [address, bits] = text.split('/');
  const parsed = address !== undefined ? normalize(address) : null;
  if (parsed) {
    const max = parsed.kind() === 'ipv4' ? 32 : 128;
    // A mapped IPv6 CIDR (::ffff:10.0.0.0/104) becomes its IPv4 range.
    const mappedShift = parsed.kind() === 'ipv4' && isIP(address!) === 6 ? 96 : 0;
    const length = bits === undefined ? max : Number(bits) - mappedShift;
    return (bits === undefined || /^\d{1,3}$/.test(bits)) && Number.isInteger(length) && length >= 0 && length <= max
      ? [parsed, length]
      : null;
  }
  if (bits !== undefined || isIP(text) !== 0 || /^[\d.]+$/.test(text)) return null;
  return HOST_NAME.test(text.replace(/\.$/, '')) ? text.replace(/\.$/, '') : null;
}
