import { errorMessage, sleep } from '@atlas/common';
import {
  DEFAULT_RETRY_POLICY,
  outboundFetch,
  outboundRefusalOf,
  OutboundUrlPolicy,
  RetryDecision,
  RetryPolicySettings,
  RetrySchedule,
  retryHintOf,
  STRICT_OUTBOUND_POLICY,
} from '@atlas/outbound';
import type { Platform } from '@atlas/events';
import { platformRateLimited, platformRequests, platformThrottleWait } from '@atlas/metrics';
import type { ConnectorOptions } from '../connector';
import { PlatformError } from '../platform-error';
import { PacedBuckets } from './paced-buckets';
import type { RateTier } from './request-pacer';

/** The policy's settings a connection may tune (tests shorten the backoffs); the hint limit comes from the job's config. */
export type RetryTuning = Partial<Omit<RetryPolicySettings, 'maxHintedWaitSeconds'>>;

/** Why a client waits: its pace, or a retry (what the platform answered, and the wait it asked for, if any). */
export type PlatformWait =
  { kind: 'pacing' } | { kind: 'retry'; code: 'RATE_LIMIT' | 'PLATFORM_ERROR'; retryAfterSeconds?: number };

export interface PlatformHttpClientOptions {
  /** The platform the requests go to, as the process's metrics label them ("unknown" when not said). */
  platform?: Platform;
  /** Longest Retry-After waited out (ATLAS_MAX_RETRY_AFTER_SECONDS); a longer one fails at once. */
  maxRetryAfterSeconds: number;
  retryPolicy?: RetryTuning;
  /** Called before every wait, with its reason, so the caller can show or keep alive a long-running job. */
  onWait?: (ms: number, why: PlatformWait) => void;
  /** Told of every 429 (with the wait it named, if any), so a client can learn the platform's real limits. */
  onRateLimited?: (request: PlatformHttpRequest, retryAfterSeconds: number | undefined) => void;
  /** The bucket a request counts against, as the platform limits them; the URL's origin by default. */
  bucketOf?: (request: PlatformHttpRequest) => string;
  /** The documented rate of a bucket. */
  tierOf?: (bucket: string) => RateTier;
  timeoutMs?: number;
  /** Where requests may go (the operator's ATLAS_*_PLATFORM_* settings); https to public addresses by default. */
  outboundPolicy?: OutboundUrlPolicy;
}

export interface PlatformHttpRequest {
  url: string;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  signal?: AbortSignal;
}

export interface PlatformHttpResponse {
  status: number;
  headers: Headers;
  body: string;
}

const DEFAULT_TIMEOUT_MS = 30_000;

/** What came of one request: an answer, a failure to back off from, or a throttle the bucket now waits out. */
type Exchange =
  { kind: 'answer'; response: PlatformHttpResponse } | { kind: 'backoff'; waitMs: number } | { kind: 'throttled' };

/**
 * `fetch` with what every platform call needs: a timeout, cancellation, pacing per bucket (learned from
 * the platform's throttles, one request of a bucket at a time, so a wait an answer names holds for every
 * later request of the bucket), and retries under one policy (RetrySchedule): a 429, 503 or 504 that names
 * a wait (Retry-After, or a JSON body's `retry_after`) is waited out before anything else of its bucket
 * goes; a 429 that names none is backed off; network errors, timeouts and other 5xx are retried a few
 * times. Responses other than those are returned as they are: what a 4xx or an error body means is the
 * platform client's call.
 */
export class PlatformHttpClient {
  private readonly timeoutMs: number;
  private readonly policy: RetryPolicySettings;
  private readonly buckets: PacedBuckets;

  constructor(private readonly options: PlatformHttpClientOptions) {
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.policy = {
      ...DEFAULT_RETRY_POLICY,
      ...options.retryPolicy,
      maxHintedWaitSeconds: options.maxRetryAfterSeconds,
    };
    this.buckets = new PacedBuckets(options.tierOf, (ms) => options.onWait?.(ms, { kind: 'pacing' }));
  }

  /** The calls a minute a bucket is paced to (null: unpaced), as learned so far. */
  pace(bucket: string): number | null {
    return this.buckets.of(bucket).ratePerMinute;
  }

  async send(request: PlatformHttpRequest): Promise<PlatformHttpResponse> {
    const schedule = new RetrySchedule(this.policy);
    let retry = false;
    for (;;) {
      const bucket = this.bucketOf(request);
      const pacer = this.buckets.of(bucket);
      await pacer.turn(request.signal, retry);
      let next: Exchange;
      try {
        // The bucket may have changed while waiting (a connection found to be under stricter limits).
        if (this.bucketOf(request) !== bucket) continue;
        retry = true;
        next = await this.exchange(request, schedule);
        if (next.kind === 'answer') pacer.succeeded();
      } finally {
        // After a throttle was applied: the bucket's next request goes only when the wait allows.
        pacer.release();
      }
      if (next.kind === 'answer') return next.response;
      if (next.kind === 'backoff') await this.backOff(next.waitMs, request.signal);
    }
  }

  /**
   * One request and what comes of it: the answer to hand back, a backoff to take before asking again,
   * or a throttle (already applied to the bucket, so the retry waits its turn); or the failure thrown.
   */
  private async exchange(request: PlatformHttpRequest, schedule: RetrySchedule): Promise<Exchange> {
    const target = describeRequest(request);
    const platform = this.options.platform ?? 'unknown';
    let response: PlatformHttpResponse;
    try {
      response = await this.attempt(request);
    } catch (error) {
      if (request.signal?.aborted) throw request.signal.reason;
      const refusal = outboundRefusalOf(error);
      if (refusal !== null) {
        // Not sent, and asking again will not change the policy's mind.
        throw new PlatformError('PLATFORM_ERROR', `${target} was not sent: ${refusal.message}`, { transient: false });
      }
      platformRequests.inc({ platform, status: 'error' });
      const decision = schedule.next({ kind: 'failed' });
      if (!decision.retry) {
        throw new PlatformError('PLATFORM_ERROR', `${target} failed: ${describeNetworkError(error)}`, {
          transient: true,
        });
      }
      return { kind: 'backoff', waitMs: decision.waitMs };
    }

    platformRequests.inc({ platform, status: String(response.status) });
    const hint = retryHintOf(response);
    if (response.status === 429 || hint !== undefined) {
      if (response.status === 429) {
        platformRateLimited.inc({ platform });
        this.options.onRateLimited?.(request, hint?.seconds);
      }
      const decision = schedule.next({ kind: 'throttled', hint });
      if (!decision.retry) throw throttleFailure(target, response.status, decision, this.policy.budgetSeconds);
      platformThrottleWait.inc({ platform }, decision.waitMs / 1000);
      // The wait holds for the bucket (all buckets if the platform says so): the retry takes its turn after it.
      this.buckets.throttled(this.bucketOf(request), Date.now() + decision.waitMs, hint?.global === true);
      const code = response.status === 429 ? 'RATE_LIMIT' : 'PLATFORM_ERROR';
      this.options.onWait?.(decision.waitMs, { kind: 'retry', code, retryAfterSeconds: hint?.seconds });
      return { kind: 'throttled' };
    }

    if (response.status >= 500) {
      const decision = schedule.next({ kind: 'failed' });
      if (!decision.retry) {
        throw new PlatformError('PLATFORM_ERROR', `${target} answered HTTP ${response.status}`, {
          transient: true,
          httpStatus: response.status,
        });
      }
      return { kind: 'backoff', waitMs: decision.waitMs };
    }

    if (response.status >= 300 && response.status < 400) {
      // A redirect could carry the credentials to another host: the URL in the settings must be the one that answers.
      throw new PlatformError(
        'PLATFORM_ERROR',
        `${target} answered HTTP ${response.status} (a redirect, which is not followed)`,
        { transient: false, httpStatus: response.status },
      );
    }
    return { kind: 'answer', response };
  }

  private bucketOf(request: PlatformHttpRequest): string {
    return this.options.bucketOf?.(request) ?? new URL(request.url).origin;
  }

  private async attempt(request: PlatformHttpRequest): Promise<PlatformHttpResponse> {
    const timeout = AbortSignal.timeout(this.timeoutMs);
    const signal = request.signal ? AbortSignal.any([request.signal, timeout]) : timeout;
    const response = await outboundFetch(
      request.url,
      { method: request.method ?? 'GET', headers: request.headers, body: request.body, signal },
      this.options.outboundPolicy ?? STRICT_OUTBOUND_POLICY,
    );
    // The body is read under the same timeout: a server that stalls mid-body is as stuck as a silent one.
    const body = await response.text();
    // undici's own Headers class, copied into the global one the platform clients are typed against.
    return { status: response.status, headers: new Headers([...response.headers]), body };
  }

  /** A failure's backoff is this request's own: the platform did not say the others should wait. */
  private async backOff(ms: number, signal: AbortSignal | undefined): Promise<void> {
    this.options.onWait?.(ms, { kind: 'retry', code: 'PLATFORM_ERROR' });
    await sleep(ms, signal);
  }
}

/**
 * A throttle not waited out: a 429 is RATE_LIMIT, for the job to fail with the wait to come back after;
 * a 503 or 504 stays a PLATFORM_ERROR the job retries later, after the platform's wait.
 */
function throttleFailure(
  target: string,
  status: number,
  decision: RetryDecision & { retry: false },
  budgetSeconds: number,
): PlatformError {
  const retryAfterSeconds =
    decision.retryAfterSeconds === undefined ? undefined : Math.ceil(decision.retryAfterSeconds);
  const why =
    decision.why === 'wait_too_long'
      ? `retry after ${retryAfterSeconds}s`
      : `still throttled after waiting ${budgetSeconds}s, the most one request may wait`;
  if (status === 429) {
    return new PlatformError('RATE_LIMIT', `${target} is rate limited: ${why}`, {
      transient: false,
      retryAfterSeconds,
      httpStatus: 429,
    });
  }
  return new PlatformError('PLATFORM_ERROR', `${target} answered HTTP ${status}: ${why}`, {
    transient: true,
    retryAfterSeconds,
    httpStatus: status,
  });
}

function describeRequest(request: PlatformHttpRequest): string {
  const url = new URL(request.url);
  return `${request.method ?? 'GET'} ${url.origin}${url.pathname}`;
}

function describeNetworkError(error: unknown): string {
  // Duck-typed: fetch's errors may come from another realm (undici's), where instanceof fails.
  const failure = error as { name?: unknown; cause?: { code?: unknown } } | null;
  if (failure?.name === 'TimeoutError') return 'timed out';
  const code = failure?.cause?.code;
  return typeof code === 'string' ? code : errorMessage(error);
}

/** The client of a connector: the job's limits and callbacks, with the platform's own buckets and tiers. */
export function connectorHttpClient(
  options: ConnectorOptions,
  platform: Pick<PlatformHttpClientOptions, 'bucketOf' | 'tierOf' | 'onRateLimited'> & { platform: Platform },
): PlatformHttpClient {
  return new PlatformHttpClient({
    maxRetryAfterSeconds: options.maxRetryAfterSeconds,
    retryPolicy: options.retryPolicy,
    onWait: options.onWait,
    outboundPolicy: options.outboundPolicy,
    ...platform,
  });
}
