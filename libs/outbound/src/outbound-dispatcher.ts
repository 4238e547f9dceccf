import { lookup as dnsLookup, LookupAddress, LookupAllOptions } from 'node:dns';
import type { LookupFunction } from 'node:net';
import { Agent, buildConnector } from 'undici';
import { isIpLiteral } from './address-scope';
import { addressRefusal, isAllowedHost, OutboundUrlPolicy } from './outbound-url-policy';

/** A request the outbound URL policy stopped before any connection was made. */
export class OutboundRequestRefused extends Error {
  readonly code = 'ATLAS_OUTBOUND_REFUSED';

  constructor(
    readonly target: string,
    readonly reason: string,
  ) {
    super(`${target} ${reason}`);
    this.name = 'OutboundRequestRefused';
  }
}

/** dns.lookup's shape when asked for every address; tests give their own to play a resolver. */
export type HostLookup = (
  hostname: string,
  options: LookupAllOptions,
  callback: (error: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void,
) => void;

const sharedDispatchers = new WeakMap<OutboundUrlPolicy, Agent>();

/**
 * An undici dispatcher that checks every address it connects to against the policy, after DNS
 * resolution: a name that resolves to a forbidden address (a rebinding DNS server, a hosts entry) is
 * refused before a socket is opened. Every connection goes through it, so a redirect that were followed
 * would be checked too. IP literals are checked here as well, since Node does not look them up.
 */
export function outboundDispatcher(policy: OutboundUrlPolicy, lookup?: HostLookup): Agent {
  if (lookup !== undefined) return createDispatcher(policy, lookup);
  let dispatcher = sharedDispatchers.get(policy);
  if (dispatcher === undefined) {
    dispatcher = createDispatcher(policy, dnsLookup as HostLookup);
    sharedDispatchers.set(policy, dispatcher);
  }
  return dispatcher;
}

function createDispatcher(policy: OutboundUrlPolicy, lookup: HostLookup): Agent {
  const direct = buildConnector({});
  const resolvedAndChecked = buildConnector({ lookup: checkedLookup(policy, lookup) });
  const connect: buildConnector.connector = (options, callback) => {
    const host = options.hostname;
    if (isAllowedHost(host, policy)) return direct(options, callback);
    if (isIpLiteral(host)) {
      const refusal = addressRefusal(host, policy);
      if (refusal !== null) return callback(new OutboundRequestRefused(host, refusal), null);
      return direct(options, callback);
    }
    return resolvedAndChecked(options, callback);
  };
  return new Agent({ connect });
}

/** A net.connect `lookup` that resolves every address of the name and refuses them all if one is forbidden. */
function checkedLookup(policy: OutboundUrlPolicy, lookup: HostLookup): LookupFunction {
  return (hostname, options, callback) => {
    lookup(hostname, { family: options.family, hints: options.hints, all: true }, (error, addresses) => {
      if (error) return callback(error, []);
      for (const { address } of addresses) {
        const refusal = addressRefusal(address, policy);
        if (refusal !== null) {
          return callback(new OutboundRequestRefused(hostname, `resolves to ${address}, which ${refusal}`), []);
        }
      }
      if (addresses.length === 0) {
        return callback(Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' }), []);
      }
      if (options.all) return callback(null, addresses);
      return callback(null, addresses[0].address, addresses[0].family);
    });
  };
}
