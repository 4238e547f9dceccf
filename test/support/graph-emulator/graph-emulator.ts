import { randomUUID } from 'node:crypto';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GraphIdentity } from './graph-identity';
import { GraphRequestError } from './graph-paging';
import type { Json } from './graph-resources';
import { GraphRoutes } from './graph-routes';
import { GraphStore } from './graph-store';
import { closeServer, listenLocally } from '../local-http-server';
import { retryAfterMs, TimedCall } from '../timed-calls';

export const EMULATED_APP = {
  tenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47',
  clientId: '0b1c6f3e-5d7a-4c2b-9e8f-1a2b3c4d5e6f',
  clientSecret: 'emulated~client~secret',
};
export const EMULATED_TEAM_ID = '02bd9fd6-8f93-4758-87c3-1fb73740a315';

export interface RecordedCall extends TimedCall {
  method: string;
  /** Path without the query, decoded: `/v1.0/teams/…/channels/19:…@thread.tacv2/messages`. */
  path: string;
  query: URLSearchParams;
  /** `token` for the identity platform's token endpoint, `graph` for Graph routes. */
  kind: 'token' | 'graph';
  authorization: string | undefined;
  status: number;
}

interface Fault {
  times: number;
  status: number;
  retryAfterSeconds?: number;
}

/**
 * A local stand-in for Microsoft Graph v1.0 (`<url>/v1.0/teams/…`) and the Microsoft identity
 * platform's token endpoint (`<url>/<tenant>/oauth2/v2.0/token`), serving one team, with Graph's
 * authentication answers, permissions, throttling and error envelopes, and a log of the calls.
 */
export class GraphEmulator {
  readonly store = new GraphStore(EMULATED_TEAM_ID, EMULATED_APP.tenantId);
  readonly identity = new GraphIdentity(EMULATED_APP);
  readonly calls: RecordedCall[] = [];
  /** Application permissions granted to the app: take one away and Graph answers 403. */
  readonly permissions = new Set(['ChannelMessage.Read.All', 'Channel.ReadBasic.All', 'Team.ReadBasic.All']);
  /** Replies `$expand=replies` includes per root; Graph's is 1000. */
  expandedRepliesLimit = 1000;
  private deltaTokensExpireBefore = 0;
  private fault: Fault | null = null;
  private readonly routes = new GraphRoutes(this.store, {
    root: () => this.graphRoot,
    expandedRepliesLimit: () => this.expandedRepliesLimit,
    deltaTokensExpireBefore: () => this.deltaTokensExpireBefore,
  });
  private readonly server: Server = createServer((request, response) => {
    // An emulator bug answers 500 with its message, so the test that hit it shows why.
    this.handle(request, response).catch((error: unknown) => response.writeHead(500).end(String(error)));
  });

  /** Origin of the server, e.g. `http://127.0.0.1:41234`: the `auth_url` of the token endpoint. */
  get url(): string {
    const address = this.server.address() as AddressInfo | null;
    if (!address) throw new Error('The Graph emulator is not started');
    return `http://127.0.0.1:${address.port}`;
  }

  /** The Graph root, e.g. `http://127.0.0.1:41234/v1.0`. */
  get graphRoot(): string {
    return `${this.url}/v1.0`;
  }

  async start(): Promise<this> {
    await listenLocally(this.server);
    return this;
  }

  async stop(): Promise<void> {
    await closeServer(this.server);
  }

  /**
   * The next `times` Graph requests answer 429 with this Retry-After (seconds, fractions allowed), or
   * without one (null): Graph leaves it out on some 429s, and advises exponential backoff then.
   */
  rateLimitNext(times: number, retryAfterSeconds: number | null): void {
    this.fault = { times, status: 429, retryAfterSeconds: retryAfterSeconds ?? undefined };
  }

  /** The next `times` Graph requests answer this 5xx status, with a Retry-After when given. */
  failNext(times: number, status: number, retryAfterSeconds?: number): void {
    this.fault = { times, status, retryAfterSeconds };
  }

  /** Delta tokens issued until now answer 410 Gone from now on. */
  expireDeltaTokens(): void {
    this.deltaTokensExpireBefore = Date.now() + 1;
  }

  graphCalls(pathEnding?: string): RecordedCall[] {
    return this.calls.filter((call) => call.kind === 'graph' && (!pathEnding || call.path.endsWith(pathEnding)));
  }

  tokenCalls(): RecordedCall[] {
    return this.calls.filter((call) => call.kind === 'token');
  }

  clearCalls(): void {
    this.calls.length = 0;
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://emulator');
    const segments = url.pathname
      .split('/')
      .filter((segment) => segment !== '')
      .map(decodeURIComponent);
    const call = {
      at: Date.now(),
      method: request.method ?? 'GET',
      path: `/${segments.join('/')}`,
      query: url.searchParams,
      authorization: request.headers.authorization,
    };
    const body = await readBody(request);

    const tokenPath = segments.length === 4 && segments.slice(1).join('/') === 'oauth2/v2.0/token';
    if (tokenPath && call.method === 'POST') {
      const answer = this.identity.issueToken(segments[0], new URLSearchParams(body));
      return this.answer(response, { ...call, kind: 'token' }, answer.status, answer.body);
    }
    const graphCall = { ...call, kind: 'graph' as const };
    if (segments[0] !== 'v1.0')
      return this.answer(response, graphCall, 404, graphError('NotFound', 'No such resource.'));

    const fault = this.takeFault();
    if (fault) {
      const headers: Record<string, string> =
        fault.retryAfterSeconds === undefined ? {} : { 'retry-after': String(fault.retryAfterSeconds) };
      const [code, message] = FAULT_ERRORS[fault.status] ?? ['UnknownError', 'An unknown error occurred.'];
      return this.answer(response, graphCall, fault.status, graphError(code, message), headers);
    }

    const refusal = this.identity.refusal(call.authorization);
    if (refusal) {
      return this.answer(response, graphCall, 401, graphError('InvalidAuthenticationToken', refusal), {
        'www-authenticate': `Bearer realm="", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize", client_id="00000003-0000-0000-c000-000000000000"`,
      });
    }
    if (call.method !== 'GET') {
      return this.answer(
        response,
        graphCall,
        405,
        graphError('Request_BadRequest', `${call.method} is not supported here.`),
      );
    }
    const routeSegments = segments.slice(1);
    const needed = this.routes.permissionsFor(routeSegments);
    if (!needed.some((permission) => this.permissions.has(permission))) {
      const granted = [...this.permissions].join(', ');
      return this.answer(
        response,
        graphCall,
        403,
        graphError(
          'Forbidden',
          `Missing role permissions on the request. API requires one of '${needed.join(', ')}'. Roles on the request '${granted}'.`,
        ),
      );
    }
    try {
      const answer = this.routes.handle(routeSegments, url.searchParams);
      this.answer(response, graphCall, answer.status, answer.body);
    } catch (error) {
      if (!(error instanceof GraphRequestError)) throw error;
      this.answer(response, graphCall, error.status, graphError(error.code, error.message));
    }
  }

  private takeFault(): Fault | null {
    if (!this.fault || this.fault.times <= 0) return null;
    this.fault.times -= 1;
    return this.fault;
  }

  private answer(
    response: ServerResponse,
    call: Omit<RecordedCall, 'status' | 'answeredAt' | 'retryAfterMs'>,
    status: number,
    body: Json,
    headers: Record<string, string> = {},
  ): void {
    const hint = headers['retry-after'] === undefined ? undefined : Number(headers['retry-after']);
    this.calls.push({ ...call, status, answeredAt: Date.now(), ...retryAfterMs(hint) });
    response.writeHead(status, {
      'content-type':
        'application/json; odata.metadata=minimal; odata.streaming=true; IEEE754Compatible=false; charset=utf-8',
      'request-id': randomUUID(),
      ...headers,
    });
    response.end(JSON.stringify(body));
  }
}

const FAULT_ERRORS: Record<number, [string, string]> = {
  429: ['TooManyRequests', 'Too many requests. Please try again later.'],
  500: ['InternalServerError', 'An internal server error occurred.'],
  502: ['BadGateway', 'The gateway received an invalid response.'],
  503: ['ServiceNotAvailable', 'The service is temporarily unavailable.'],
  504: ['GatewayTimeout', 'The gateway timed out.'],
};

function graphError(code: string, message: string): Json {
  return {
    error: {
      code,
      message,
      innerError: {
        date: new Date().toISOString().slice(0, 19),
        'request-id': randomUUID(),
        'client-request-id': randomUUID(),
      },
    },
  };
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
