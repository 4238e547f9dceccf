import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { appError, route, RouteAnswer } from './mattermost-routes';
import { MattermostWorkspace } from './mattermost-workspace';
import { closeServer, listenLocally } from '../local-http-server';
import { retryAfterMs, TimedCall } from '../timed-calls';

/** The token the emulator accepts (Mattermost tokens are 26-character ids too). */
export const EMULATOR_TOKEN = 'atlasemulatedtokenxyz12345';

export interface RecordedCall extends TimedCall {
  method: string;
  /** Path below /api/v4 (`/channels/<id>/posts`). */
  path: string;
  query: Record<string, string>;
  body: unknown;
  token: string | null;
  /** HTTP status answered. */
  status: number;
}

/** Mattermost's rate limiter (RateLimitSettings): so many requests per window, then 429 until it ends. */
export interface RateLimit {
  requests: number;
  windowSeconds: number;
}

interface Fault {
  times: number;
  status: number;
  /** A 429's wait; for a 5xx, a Retry-After is sent only when given. */
  retryAfterSeconds?: number;
}

/** By default the limit is high enough never to bite, but its headers are there as on a server that limits. */
const DEFAULT_RATE_LIMIT: RateLimit = { requests: 10_000, windowSeconds: 1 };

/**
 * A local stand-in for a Mattermost server's API v4 (`<url>/api/v4/...`) serving a MattermostWorkspace:
 * Bearer authentication, AppError bodies, X-Ratelimit-* headers on every answer and a windowed rate
 * limiter, injectable 429s and 5xx, and a log of the calls it received.
 */
export class MattermostEmulator {
  readonly workspace = new MattermostWorkspace();
  readonly calls: RecordedCall[] = [];
  readonly validTokens = new Set([EMULATOR_TOKEN]);
  private readonly server: Server = createServer((request, response) => {
    // An emulator bug answers 500 with its message, so the test that hit it shows why.
    this.handle(request, response).catch((error: unknown) => response.writeHead(500).end(String(error)));
  });
  private rateLimit: RateLimit = DEFAULT_RATE_LIMIT;
  private window = { startedAt: 0, count: 0 };
  private fault: Fault = { times: 0, status: 500, retryAfterSeconds: 0 };

  /** The server's address, what a connection's `base_url` holds (the API is under /api/v4). */
  get url(): string {
    const address = this.server.address() as AddressInfo | null;
    if (!address) throw new Error('The Mattermost emulator is not started');
    return `http://127.0.0.1:${address.port}`;
  }

  async start(): Promise<this> {
    await listenLocally(this.server);
    return this;
  }

  async stop(): Promise<void> {
    await closeServer(this.server);
  }

  /** At most `requests` per window; the next ones get 429 with Retry-After until the window ends. */
  limitRate(limit: RateLimit): void {
    this.rateLimit = limit;
    this.window = { startedAt: 0, count: 0 };
  }

  /** The next `times` requests, whatever their route, answer 429 asking to wait this long. */
  rateLimitNext(times: number, retryAfterSeconds: number): void {
    this.fault = { times, status: 429, retryAfterSeconds };
  }

  /** The next `times` requests, whatever their route, answer this status (a 5xx), with a Retry-After when given. */
  failNext(times: number, status: number, retryAfterSeconds?: number): void {
    this.fault = { times, status, retryAfterSeconds };
  }

  callsTo(method: string, pathPattern: RegExp): RecordedCall[] {
    return this.calls.filter((call) => call.method === method && pathPattern.test(call.path));
  }

  clearCalls(): void {
    this.calls.length = 0;
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const at = Date.now();
    const url = new URL(request.url ?? '/', 'http://emulator');
    const path = url.pathname.replace(/^\/api\/v4(?=\/|$)/, '');
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const body = parseJson(Buffer.concat(chunks).toString('utf8'));
    const token = /^Bearer\s+(.+)$/i.exec(request.headers.authorization ?? '')?.[1] ?? null;
    const call = {
      at,
      method: request.method ?? 'GET',
      path,
      query: Object.fromEntries(url.searchParams),
      body,
      token,
    };
    const answer = (status: number, payload: unknown, headers: Record<string, string>) => {
      const hint = headers['retry-after'] === undefined ? undefined : Number(headers['retry-after']);
      this.calls.push({ ...call, status, answeredAt: Date.now(), ...retryAfterMs(hint) });
      const isText = typeof payload === 'string';
      response.writeHead(status, {
        'content-type': isText ? 'text/plain; charset=utf-8' : 'application/json',
        ...headers,
      });
      response.end(isText ? payload : JSON.stringify(payload));
    };

    // Mattermost's limiter runs before anything else, so even refused requests count and carry the headers.
    const limit = this.countRequest();
    if (this.fault.times > 0) {
      this.fault.times -= 1;
      const { status: faultStatus, retryAfterSeconds } = this.fault;
      if (faultStatus === 429) return this.answerRateLimited(answer, retryAfterSeconds ?? 0);
      const { status, body: faultBody } = appError(faultStatus, 'api.emulator.fault', 'Injected failure.');
      const retryAfter: Record<string, string> =
        retryAfterSeconds === undefined ? {} : { 'retry-after': String(retryAfterSeconds) };
      return answer(status, faultBody, { ...limit.headers, ...retryAfter });
    }
    if (limit.exceeded) return this.answerRateLimited(answer, limit.resetSeconds);

    if (!url.pathname.startsWith('/api/v4/')) {
      const notFound = appError(404, 'api.context.404.app_error', 'Sorry, we could not find the page.');
      return answer(notFound.status, notFound.body, limit.headers);
    }
    let result: RouteAnswer;
    if (token === null || !this.validTokens.has(token)) {
      result = appError(
        401,
        'api.context.session_expired.app_error',
        'Invalid or expired session, please login again.',
      );
    } else {
      const segments = path
        .split('/')
        .filter((segment) => segment !== '')
        .map(decodeURIComponent);
      result = route(this.workspace, { method: call.method, segments, query: url.searchParams, body });
    }
    answer(result.status, result.body, limit.headers);
  }

  /** As Mattermost's throttled limiter answers: plain text, Retry-After and X-Ratelimit-Reset in whole seconds. */
  private answerRateLimited(
    answer: (status: number, payload: unknown, headers: Record<string, string>) => void,
    waitSeconds: number,
  ): void {
    const seconds = String(Math.ceil(waitSeconds));
    answer(429, 'limit exceeded\n', {
      'x-ratelimit-limit': String(this.rateLimit.requests),
      'x-ratelimit-remaining': '0',
      'x-ratelimit-reset': seconds,
      'retry-after': seconds,
      'x-content-type-options': 'nosniff',
    });
  }

  private countRequest(): { exceeded: boolean; resetSeconds: number; headers: Record<string, string> } {
    const now = Date.now();
    const windowMs = this.rateLimit.windowSeconds * 1000;
    if (now - this.window.startedAt >= windowMs) this.window = { startedAt: now, count: 0 };
    this.window.count += 1;
    const resetSeconds = Math.max(1, Math.ceil((this.window.startedAt + windowMs - now) / 1000));
    const remaining = Math.max(0, this.rateLimit.requests - this.window.count);
    return {
      exceeded: this.window.count > this.rateLimit.requests,
      resetSeconds,
      headers: {
        'x-ratelimit-limit': String(this.rateLimit.requests),
        'x-ratelimit-remaining': String(remaining),
        'x-ratelimit-reset': String(resetSeconds),
      },
    };
  }
}

function parseJson(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
