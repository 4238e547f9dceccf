import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { MethodResult, Params, SLACK_METHODS } from './slack-api-methods';
import { SlackWorkspace } from './slack-workspace';
import { readParams, readToken } from './request-params';
import { closeServer, listenLocally } from '../local-http-server';
import { retryAfterMs, TimedCall } from '../timed-calls';

export const EMULATOR_TOKEN = 'xoxb-emulated-token';

export interface RecordedCall extends TimedCall {
  method: string;
  params: Params;
  token: string | null;
  /** HTTP status answered. */
  status: number;
  /** Slack's `error` when the answer was `ok:false`. */
  error?: string;
}

export interface RateLimit {
  requests: number;
  windowSeconds: number;
  /**
   * Count the calls of the last `windowSeconds` at every call (more than `requests` within any such
   * span are refused), instead of in windows that start afresh when one ends.
   */
  sliding?: boolean;
  /** Retry-After to send; by default, the whole seconds until a call would be accepted again. */
  retryAfterSeconds?: number;
}

export interface Fault {
  times: number;
  /** HTTP status to answer with (a 5xx, or 429); ignored when `error` is set. */
  status?: number;
  /** Answer HTTP 200 `{"ok":false,"error":…}` instead. */
  error?: string;
  /**
   * The Retry-After header to send (seconds). Without `status`, the answer is 429 `ratelimited`; with a
   * 5xx, a server that asks to come back later. null: no Retry-After.
   */
  retryAfterSeconds?: number | null;
}

/** A call before it is answered. */
type PendingCall = Pick<RecordedCall, 'method' | 'params' | 'token' | 'at'>;

/** injectFault's method name that matches every method. */
export const ANY_METHOD = '*';

interface RateWindow {
  startedAt: number;
  count: number;
  /** Sliding limits: when the calls still in the window were accepted, oldest first. */
  accepted: number[];
}

/**
 * A local stand-in for the Slack Web API (`<url>/<method>`), serving a fixture workspace, with Slack's
 * authentication answers, rate limits and injectable faults, and a log of the calls it received.
 */
export class SlackEmulator {
  readonly workspace = new SlackWorkspace();
  readonly calls: RecordedCall[] = [];
  readonly validTokens = new Set([EMULATOR_TOKEN]);
  private readonly server: Server = createServer((request, response) => {
    // An emulator bug answers 500 with its message, so the test that hit it shows why.
    this.handle(request, response).catch((error: unknown) => response.writeHead(500).end(String(error)));
  });
  private readonly limits = new Map<string, RateLimit>();
  private readonly windows = new Map<string, RateWindow>();
  private readonly faults = new Map<string, Fault>();

  /** The API root, e.g. `http://127.0.0.1:41234/api`. */
  get url(): string {
    const address = this.server.address() as AddressInfo | null;
    if (!address) throw new Error('The Slack emulator is not started');
    return `http://127.0.0.1:${address.port}/api`;
  }

  /** `port`: listen where a stopped emulator was, as a platform that comes back does. */
  async start(port = 0): Promise<this> {
    await listenLocally(this.server, port);
    return this;
  }

  async stop(): Promise<void> {
    await closeServer(this.server);
  }

  /** At most `requests` calls of `method` per window; the next ones get HTTP 429. */
  limitRate(method: string, limit: RateLimit): void {
    this.limits.set(method, limit);
    this.windows.delete(method);
  }

  /** The next `fault.times` calls of `method` fail. */
  injectFault(method: string, fault: Fault): void {
    this.faults.set(method, { ...fault });
  }

  callsTo(method: string): RecordedCall[] {
    return this.calls.filter((call) => call.method === method);
  }

  clearCalls(): void {
    this.calls.length = 0;
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const at = Date.now();
    const url = new URL(request.url ?? '/', 'http://emulator');
    const method = url.pathname.replace(/^\/api\//, '');
    let params: Params;
    try {
      params = await readParams(request, url);
    } catch {
      this.answer(response, { method, params: {}, token: null, at }, 200, { ok: false, error: 'invalid_json' });
      return;
    }
    const call = { method, params, token: readToken(request, params), at };

    const fault = this.takeFault(method);
    if (fault && !fault.error && (fault.status === undefined || fault.status === 429)) {
      return this.answerRateLimited(response, call, fault.retryAfterSeconds ?? null);
    }
    if (fault?.error) return this.answer(response, call, 200, { ok: false, error: fault.error });
    if (fault) {
      const headers: Record<string, string> =
        fault.retryAfterSeconds == null ? {} : { 'retry-after': String(fault.retryAfterSeconds) };
      return this.answer(response, call, fault.status ?? 500, 'Internal Server Error', headers);
    }

    const retryAfter = this.rateLimited(method);
    if (retryAfter !== undefined) return this.answerRateLimited(response, call, retryAfter);

    const handler = Object.hasOwn(SLACK_METHODS, method) ? SLACK_METHODS[method] : undefined;
    if (!handler) return this.answer(response, call, 404, { ok: false, error: 'unknown_method', req_method: method });
    if (call.token === null) return this.answer(response, call, 200, { ok: false, error: 'not_authed' });
    if (!this.validTokens.has(call.token))
      return this.answer(response, call, 200, { ok: false, error: 'invalid_auth' });
    this.answer(response, call, 200, handler(this.workspace, params));
  }

  /** Slack's 429: `ratelimited`, with the Retry-After in whole seconds (or none, when a test asks for that). */
  private answerRateLimited(response: ServerResponse, call: PendingCall, retryAfterSeconds: number | null): void {
    const headers: Record<string, string> =
      retryAfterSeconds === null ? {} : { 'retry-after': String(retryAfterSeconds) };
    this.answer(response, call, 429, { ok: false, error: 'ratelimited' }, headers);
  }

  private takeFault(method: string): Fault | undefined {
    const fault = [this.faults.get(method), this.faults.get(ANY_METHOD)].find(
      (candidate) => (candidate?.times ?? 0) > 0,
    );
    if (!fault || fault.times <= 0) return undefined;
    fault.times -= 1;
    return fault;
  }

  /** Seconds to wait when this call is over the method's limit, undefined when it may go through. */
  private rateLimited(method: string): number | undefined {
    const limit = this.limits.get(method);
    if (!limit) return undefined;
    const now = Date.now();
    const windowMs = limit.windowSeconds * 1000;
    let window = this.windows.get(method);
    if (limit.sliding) {
      window ??= { startedAt: now, count: 0, accepted: [] };
      this.windows.set(method, window);
      while (window.accepted.length > 0 && window.accepted[0] <= now - windowMs) window.accepted.shift();
      if (window.accepted.length < limit.requests) {
        window.accepted.push(now);
        return undefined;
      }
      const reopensAt = (window.accepted[window.accepted.length - limit.requests] ?? now) + windowMs;
      return limit.retryAfterSeconds ?? Math.max(1, Math.ceil((reopensAt - now) / 1000));
    }
    if (!window || now - window.startedAt >= windowMs) {
      window = { startedAt: now, count: 0, accepted: [] };
      this.windows.set(method, window);
    }
    window.count += 1;
    if (window.count <= limit.requests) return undefined;
    return limit.retryAfterSeconds ?? Math.max(1, Math.ceil((window.startedAt + windowMs - now) / 1000));
  }

  private answer(
    response: ServerResponse,
    call: PendingCall,
    status: number,
    body: MethodResult | string,
    headers: Record<string, string> = {},
  ): void {
    const error = typeof body === 'object' && !body.ok ? String(body.error) : undefined;
    const hint = headers['retry-after'] === undefined ? undefined : Number(headers['retry-after']);
    this.calls.push({ ...call, status, answeredAt: Date.now(), ...retryAfterMs(hint), ...(error ? { error } : {}) });
    const isJson = typeof body === 'object';
    response.writeHead(status, {
      'content-type': isJson ? 'application/json; charset=utf-8' : 'text/plain',
      ...headers,
    });
    response.end(isJson ? JSON.stringify(body) : body);
  }
}
