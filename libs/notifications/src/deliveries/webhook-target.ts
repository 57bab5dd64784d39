import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';

/**
 * What may receive webhooks: `https` URLs whose host resolves only to public unicast addresses.
 * With TESSERA_WEBHOOKS_ALLOW_PRIVATE=1 (tests, one-host setups) `http` and any address are allowed.
 */
export function webhookUrlProblem(raw: string, allowPrivate: boolean): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'is not a URL';
  }
  if (url.protocol !== 'https:' && !(allowPrivate && url.protocol === 'http:')) {
    return allowPrivate ? 'must be an https:// or http:// URL' : 'must be an https:// URL';
  }
  if (url.username || url.password) return 'must not carry credentials';
  if (!url.hostname) return 'must name a host';
  return null;
}

/** Why an address may not receive webhooks (private, loopback, link-local, …), or null for a public unicast one. */
export function unsafeAddressProblem(address: string): string | null {
  if (!ipaddr.isValid(address)) return `${address} is not an IP address`;
  let parsed = ipaddr.parse(address);
  // ::ffff:10.0.0.1 reaches 10.0.0.1.
  if (parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) parsed = (parsed as ipaddr.IPv6).toIPv4Address();
  const range = parsed.range();
  return range === 'unicast' ? null : `${address} is a ${range} address`;
}

export interface ResolvedTarget {
  url: URL;
  /** The addresses the host resolved to, all checked; the connection goes to these and no others. */
  addresses: { address: string; family: number }[];
}

/**
 * Resolves the host and checks every address it resolves to — a name with one private address
 * among public ones is refused. The caller connects only to the addresses returned, so a second
 * lookup (DNS rebinding) cannot point the request elsewhere.
 */
export async function resolveWebhookTarget(raw: string, allowPrivate: boolean): Promise<ResolvedTarget> {
  const problem = webhookUrlProblem(raw, allowPrivate);
  if (problem) throw new UnsafeTargetError(`the URL ${problem}`);
  const url = new URL(raw);
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  const addresses = isIP(host) ? [{ address: host, family: isIP(host) }] : await lookup(host, { all: true, verbatim: true }).catch(() => []);
  if (addresses.length === 0) throw new UnsafeTargetError(`the host ${host} does not resolve`);
  if (!allowPrivate) {
    const problems = addresses.map((a) => unsafeAddressProblem(a.address)).filter((p): p is string => p !== null);
    if (problems.length > 0) throw new UnsafeTargetError(`the host ${host} resolves to a non-public address (${problems.join('; ')})`);
  }
  return { url, addresses };
}

export class UnsafeTargetError extends Error {
  override name = 'UnsafeTargetError';
}
