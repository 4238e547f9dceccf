import { addressScope, isIpLiteral } from './address-scope';

/**
 * What the operator allows outbound requests (platform APIs, the Teams token endpoint, the LLM
 * endpoint) to reach. Read from ATLAS_ALLOW_HTTP_PLATFORM_URLS, ATLAS_ALLOW_PRIVATE_PLATFORM_URLS and
 * ATLAS_ALLOWED_PLATFORM_HOSTS; the defaults allow only https to public addresses.
 */
export interface OutboundUrlPolicy {
  /** Plain http:// as well as https://. */
  allowHttp: boolean;
  /** Loopback and private-network addresses (not link-local or metadata ones: see AddressScope). */
  allowPrivateAddresses: boolean;
  /** Host names or IP addresses (normalized by normalizeHost) whose addresses are not checked at all. */
  allowedHosts: readonly string[];
}

/** https to public addresses only: the default, and what anything without a configured policy gets. */
export const STRICT_OUTBOUND_POLICY: OutboundUrlPolicy = Object.freeze({
  allowHttp: false,
  allowPrivateAddresses: false,
  allowedHosts: Object.freeze([]),
});

/**
 * The host as URL parsing writes it (lower case, IPv4 in dotted decimal, IPv6 compressed, no
 * brackets), or null when `host` is not a bare host (a port, a path or a scheme in it).
 */
export function normalizeHost(host: string): string | null {
  const trimmed = host.trim();
  // Entries are exact hosts: a wildcard would otherwise be kept as a name that never matches.
  if (trimmed.includes('*')) return null;
  const bracketed = trimmed.includes(':') && !trimmed.startsWith('[') ? `[${trimmed}]` : trimmed;
  if (bracketed === '' || !URL.canParse(`http://${bracketed}`)) return null;
  const url = new URL(`http://${bracketed}`);
  if (url.port !== '' || url.pathname !== '/' || url.username !== '' || url.search !== '' || url.hash !== '') {
    return null;
  }
  return bareHost(url.hostname);
}

export function isAllowedHost(hostname: string, policy: OutboundUrlPolicy): boolean {
  return policy.allowedHosts.includes(bareHost(hostname));
}

/** Why `address` (an IP address `hostname` resolved to, or is) may not be reached, or null. */
export function addressRefusal(address: string, policy: OutboundUrlPolicy): string | null {
  const scope = addressScope(address);
  if (scope === 'public') return null;
  if (scope === 'private') {
    return policy.allowPrivateAddresses
      ? null
      : 'is a loopback or private-network address (allowed only with ATLAS_ALLOW_PRIVATE_PLATFORM_URLS=true or the host in ATLAS_ALLOWED_PLATFORM_HOSTS)';
  }
  return 'is a link-local, metadata, reserved or otherwise special address (allowed only with the host in ATLAS_ALLOWED_PLATFORM_HOSTS)';
}

/**
 * What is wrong with sending a request to `rawUrl`, judged from the URL alone, or null. Host names
 * are checked again once resolved, at connect time (see outbound-dispatcher.ts): this check is what
 * can be said before any network access, so a bad setting is refused with a 400.
 */
export function outboundUrlProblem(rawUrl: string, policy: OutboundUrlPolicy): string | null {
  if (!URL.canParse(rawUrl)) return 'must be an https:// URL';
  const url = new URL(rawUrl);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'must be an https:// URL';
  if (url.protocol === 'http:' && !policy.allowHttp) {
    return 'must be an https:// URL (plain http is allowed only with ATLAS_ALLOW_HTTP_PLATFORM_URLS=true)';
  }
  if (url.username !== '' || url.password !== '') return 'must not contain a user name or password';
  if (isAllowedHost(url.hostname, policy)) return null;
  const host = bareHost(url.hostname);
  if (isIpLiteral(host)) {
    const refusal = addressRefusal(host, policy);
    return refusal === null ? null : `points at ${host}, which ${refusal}`;
  }
  // RFC 6761: these names are loopback whatever a resolver says.
  if ((host === 'localhost' || host.endsWith('.localhost')) && !policy.allowPrivateAddresses) {
    return `points at ${host}, which ${addressRefusal('127.0.0.1', policy)}`;
  }
  return null;
}

/** Without IPv6 brackets and a fully-qualified name's final dot, in lower case. */
function bareHost(host: string): string {
  const unbracketed = host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
  return unbracketed.replace(/\.$/, '').toLowerCase();
}
