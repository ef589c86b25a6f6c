import ipaddr from 'ipaddr.js';

/**
 * Which addresses a webhook may reach. Only global unicast addresses are public: loopback, private
 * (RFC 1918), link-local (169.254/16, fe80::/10, cloud metadata), unique-local (fc00::/7),
 * multicast, unspecified, carrier-grade NAT, reserved and the IPv6 transition ranges (6to4,
 * Teredo, NAT64) that can embed any IPv4 address are not. An IPv4-mapped IPv6 address
 * (`::ffff:127.0.0.1`) is judged as the IPv4 address it carries.
 */
export function addressRange(address: string): string {
  if (!ipaddr.isValid(address)) return 'invalid';
  return ipaddr.process(address).range();
}

/** True when `address` (an IP literal) is a global unicast address. */
export function isPublicAddress(address: string): boolean {
  return addressRange(address) === 'unicast';
}

/** The reason an address is refused, for the API's message and the delivery log; undefined when it may be called. */
export function refusedAddress(address: string, allowPrivate: boolean): string | undefined {
  if (allowPrivate) return ipaddr.isValid(address) ? undefined : `${address} is not an IP address`;
  const range = addressRange(address);
  return range === 'unicast' ? undefined : `${address} is a ${range} address`;
}
