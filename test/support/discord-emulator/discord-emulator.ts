import { createHash } from 'node:crypto';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DiscordGuild } from './discord-guild';
import { Answer, errorAnswer, matchRoute, NOT_FOUND, Route } from './discord-routes';
import { closeServer, listenLocally } from '../local-http-server';
import { retryAfterMs, TimedCall } from '../timed-calls';

export const EMULATOR_BOT_TOKEN = 'emulated.bot.token';
const API_PREFIX = '/api/v10';

export interface RecordedCall extends TimedCall {
  method: string;
  /** Path below the API root: `/channels/123/messages`. */
  path: string;
  query: Record<string, string>;
  /** The route template matched, e.g. `/channels/{channel}/messages`; null for an unknown route. */
  route: string | null;
  authorization: string | null;
  status: number;
}

export interface BucketLimit {
  requests: number;
  windowSeconds: number;
}

/** A call before it is answered. */
type PendingCall = Omit<RecordedCall, 'status' | 'answeredAt' | 'retryAfterMs'>;

interface InjectedRateLimit {
  times: number;
  retryAfterSeconds: number;
  global: boolean;
  /** Send the Retry-After header; without it only the JSON body tells the wait. */
  header: boolean;
}

interface BucketWindow {
  startedAt: number;
  count: number;
}

/**
 * A local stand-in for Discord's REST API v10 (`<url>` ends in /api/v10), serving one guild: bot
 * authentication, per-route rate-limit buckets with their X-RateLimit-* headers, injectable 429s and
 * 5xx answers, and a log of the calls it received.
 */
export class DiscordEmulator {
  readonly guild = new DiscordGuild();
  readonly calls: RecordedCall[] = [];
  readonly validTokens = new Set([EMULATOR_BOT_TOKEN]);
  /** Every bucket's limit: generous by default, so only tests that want waits get them. */
  bucketLimit: BucketLimit = { requests: 1000, windowSeconds: 1 };
  private readonly windows = new Map<string, BucketWindow>();
  private rateLimits: InjectedRateLimit = { times: 0, retryAfterSeconds: 0, global: false, header: true };
  private failures: { times: number; status: number; retryAfterSeconds?: number } = { times: 0, status: 500 };
  private readonly server: Server = createServer((request, response) => {
    // An emulator bug answers 500 with its message, so the test that hit it shows why.
    try {
      this.handle(request, response);
    } catch (error) {
      response.writeHead(500).end(String(error));
    }
  });

  get url(): string {
    const address = this.server.address() as AddressInfo | null;
    if (!address) throw new Error('The Discord emulator is not started');
    return `http://127.0.0.1:${address.port}${API_PREFIX}`;
  }

  async start(): Promise<this> {
    await listenLocally(this.server);
    return this;
  }

  async stop(): Promise<void> {
    await closeServer(this.server);
  }

  /** The next `times` requests, of any route, answer 429 with this wait (seconds, fractions allowed). */
  rateLimitNext(times: number, retryAfterSeconds: number, options: { global?: boolean; header?: boolean } = {}): void {
    this.rateLimits = { times, retryAfterSeconds, global: options.global ?? false, header: options.header ?? true };
  }

  /** The next `times` requests, of any route, answer this status (a 5xx), with a Retry-After when given. */
  failNext(times: number, status: number, retryAfterSeconds?: number): void {
    this.failures = { times, status, retryAfterSeconds };
  }

  limitBuckets(limit: BucketLimit): void {
    this.bucketLimit = limit;
    this.windows.clear();
  }

  callsTo(route: string): RecordedCall[] {
    return this.calls.filter((call) => call.route === route);
  }

  clearCalls(): void {
    this.calls.length = 0;
  }

  private handle(request: IncomingMessage, response: ServerResponse): void {
    const url = new URL(request.url ?? '/', 'http://emulator');
    const method = request.method ?? 'GET';
    const path = url.pathname.startsWith(API_PREFIX) ? url.pathname.slice(API_PREFIX.length) : url.pathname;
    const matched = matchRoute(method, path);
    const call: PendingCall = {
      at: Date.now(),
      method,
      path,
      query: Object.fromEntries(url.searchParams),
      route: matched?.route.template ?? null,
      authorization: request.headers.authorization ?? null,
    };

    if (this.rateLimits.times > 0) {
      this.rateLimits.times -= 1;
      return this.answerRateLimited(response, call, this.rateLimits);
    }
    if (this.failures.times > 0) {
      this.failures.times -= 1;
      const { status, retryAfterSeconds } = this.failures;
      const headers: Record<string, string> =
        retryAfterSeconds === undefined ? {} : { 'retry-after': String(retryAfterSeconds) };
      return this.answer(response, call, errorAnswer(status, 0, 'Internal Server Error'), headers, retryAfterSeconds);
    }
    const token = /^Bot\s+(.+)$/.exec(call.authorization ?? '')?.[1];
    if (!token || !this.validTokens.has(token)) {
      return this.answer(response, call, errorAnswer(401, 0, '401: Unauthorized'));
    }
    if (!matched) return this.answer(response, call, NOT_FOUND);

    const { route, params } = matched;
    const bucket = this.takeFromBucket(route, params);
    if (bucket.remaining < 0) {
      const headers = { ...bucket.headers, 'x-ratelimit-scope': 'user' };
      return this.answerRateLimited(
        response,
        call,
        { retryAfterSeconds: bucket.resetAfter, global: false, header: true },
        headers,
      );
    }
    const answer = route.handle({ guild: this.guild, params, query: url.searchParams, now: Date.now() });
    this.answer(response, call, answer, bucket.headers);
  }

  /** Counts the request in its bucket (route and major parameter) and describes the bucket. */
  private takeFromBucket(route: Route, params: Record<string, string>) {
    const { requests, windowSeconds } = this.bucketLimit;
    const key = `${route.template}|${params[route.major] ?? ''}`;
    const now = Date.now();
    let window = this.windows.get(key);
    if (!window || now - window.startedAt >= windowSeconds * 1000) {
      window = { startedAt: now, count: 0 };
      this.windows.set(key, window);
    }
    window.count += 1;
    const resetAt = window.startedAt + windowSeconds * 1000;
    const resetAfter = Math.max(0, (resetAt - now) / 1000);
    const remaining = requests - window.count;
    return {
      remaining,
      resetAfter,
      headers: {
        'x-ratelimit-limit': String(requests),
        'x-ratelimit-remaining': String(Math.max(0, remaining)),
        'x-ratelimit-reset': (resetAt / 1000).toFixed(3),
        'x-ratelimit-reset-after': resetAfter.toFixed(3),
        'x-ratelimit-bucket': createHash('sha1').update(route.template).digest('hex').slice(0, 32),
      },
    };
  }

  private answerRateLimited(
    response: ServerResponse,
    call: PendingCall,
    limit: Omit<InjectedRateLimit, 'times'>,
    headers: Record<string, string> = {},
  ): void {
    const rateHeaders: Record<string, string> = { ...headers };
    if (limit.header) rateHeaders['retry-after'] = String(limit.retryAfterSeconds);
    if (limit.global) {
      rateHeaders['x-ratelimit-global'] = 'true';
      rateHeaders['x-ratelimit-scope'] = 'global';
    }
    const body = { message: 'You are being rate limited.', retry_after: limit.retryAfterSeconds, global: limit.global };
    this.answer(response, call, { status: 429, body }, rateHeaders, limit.retryAfterSeconds);
  }

  /** `retryAfterSeconds`: the wait the answer names, in its Retry-After or its body, for the call log. */
  private answer(
    response: ServerResponse,
    call: PendingCall,
    answer: Answer,
    headers: Record<string, string> = {},
    retryAfterSeconds?: number,
  ): void {
    this.calls.push({ ...call, status: answer.status, answeredAt: Date.now(), ...retryAfterMs(retryAfterSeconds) });
    response.writeHead(answer.status, { 'content-type': 'application/json', ...headers });
    response.end(JSON.stringify(answer.body));
  }
}
