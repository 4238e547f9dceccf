import { fetch, RequestInit, Response } from 'undici';
import { HostLookup, outboundDispatcher, OutboundRequestRefused } from './outbound-dispatcher';
import { OutboundUrlPolicy, outboundUrlProblem } from './outbound-url-policy';

export type OutboundRequestInit = Omit<RequestInit, 'dispatcher' | 'redirect'>;

/**
 * `fetch` for every request to a URL that comes from settings: the URL is checked against the policy
 * before anything is sent, every address connected to is checked after resolution, and redirects are
 * never followed (the 3xx answer is returned), so an allowed host cannot bounce a request, and the
 * credentials in it, to another one.
 */
export async function outboundFetch(
  url: string,
  init: OutboundRequestInit,
  policy: OutboundUrlPolicy,
  lookup?: HostLookup,
): Promise<Response> {
  const problem = outboundUrlProblem(url, policy);
  if (problem !== null) throw new OutboundRequestRefused(describeTarget(url), problem);
  return fetch(url, { ...init, redirect: 'manual', dispatcher: outboundDispatcher(policy, lookup) });
}

/** The policy's refusal behind a failed request (fetch wraps it in `cause`), or null. */
export function outboundRefusalOf(error: unknown): OutboundRequestRefused | null {
  for (let current = error, depth = 0; current instanceof Error && depth < 5; current = current.cause, depth++) {
    if (current instanceof OutboundRequestRefused) return current;
  }
  return null;
}

/** The URL without its query, which may hold a token. */
function describeTarget(url: string): string {
  if (!URL.canParse(url)) return 'the URL';
  const parsed = new URL(url);
  return `${parsed.protocol}//${parsed.host}${parsed.pathname}`;
}
