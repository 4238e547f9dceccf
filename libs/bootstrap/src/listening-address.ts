import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ListeningAddress {
  /** The address the socket is bound to (ATLAS_BIND_HOST): `127.0.0.1`, `0.0.0.0`, `::`... */
  host: string;
  port: number;
  /** Bound to 0.0.0.0 or ::, so reachable on every interface of the machine. */
  allInterfaces: boolean;
  /** A URL a client on this machine can open: the loopback when the server listens everywhere. */
  url: string;
}

/** Where the server really listens, from its socket, and a URL that reaches it. */
export function listeningAddress(server: Server): ListeningAddress {
  const { address: host, port, family } = server.address() as AddressInfo;
  const allInterfaces = host === '0.0.0.0' || host === '::';
  const urlHost = allInterfaces ? (family === 'IPv6' ? '[::1]' : '127.0.0.1') : family === 'IPv6' ? `[${host}]` : host;
  return { host, port, allInterfaces, url: `http://${urlHost}:${port}` };
}
