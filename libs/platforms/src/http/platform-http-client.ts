import { errorMessage, sleep } from '@atlas/common';
import { outboundFetch, outboundRefusalOf, OutboundUrlPolicy, STRICT_OUTBOUND_POLICY } from '@atlas/outbound';
import { PlatformError } from '../platform-error';
import { parseRetryAfter } from './retry-after';

export interface PlatformHttpClientOptions {
  /** Longest Retry-After waited out; a longer one fails with RATE_LIMIT. */
  maxRetryAfterSeconds: number;
  /** Called before every wait, so the caller can keep a long-running job alive. */
  onWait?: (ms: number) => void;
  /** Told of every 429, so a client can learn the platform's real limit and pace itself to it. */
  onRateLimited?: (request: PlatformHttpRequest, retryAfterSeconds: number) => void;
  timeoutMs?: number;
  /** Quick retries after a network error, a timeout or a 5xx, before giving up. */
  retries?: number;
  /** First backoff; each further retry doubles it. */
  backoffMs?: number;
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
const DEFAULT_RETRIES = 3;
const DEFAULT_BACKOFF_MS = 250;
/** Slack always sends Retry-After; a server that does not is asked again after this. */
const DEFAULT_RETRY_AFTER_SECONDS = 1;
/** A server that keeps answering 429 after this many waits is treated as one whose wait is too long. */
const MAX_RATE_LIMIT_WAITS = 10;

/**
 * `fetch` with what every platform call needs: a timeout, cancellation, rate limits waited out when
 * short, and a few quick retries for failures that are usually momentary. Responses other than 429
 * and 5xx are returned as they are: what a 4xx or an error body means is the platform client's call.
 */
export class PlatformHttpClient {
  private readonly timeoutMs: number;
  private readonly retries: number;
  private readonly backoffMs: number;

  constructor(private readonly options: PlatformHttpClientOptions) {
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.retries = options.retries ?? DEFAULT_RETRIES;
    this.backoffMs = options.backoffMs ?? DEFAULT_BACKOFF_MS;
  }

  async send(request: PlatformHttpRequest): Promise<PlatformHttpResponse> {
    const target = describeRequest(request);
    let failures = 0;
    let rateLimitWaits = 0;
    for (;;) {
      request.signal?.throwIfAborted();
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
        failures += 1;
        if (failures > this.retries) {
          throw new PlatformError('PLATFORM_ERROR', `${target} failed: ${describeNetworkError(error)}`, {
            transient: true,
          });
        }
        await this.wait(this.backoff(failures), request.signal);
        continue;
      }

      if (response.status === 429) {
        const retryAfterSeconds = parseRetryAfter(response.headers.get('retry-after')) ?? DEFAULT_RETRY_AFTER_SECONDS;
        rateLimitWaits += 1;
        this.options.onRateLimited?.(request, retryAfterSeconds);
        if (retryAfterSeconds > this.options.maxRetryAfterSeconds || rateLimitWaits > MAX_RATE_LIMIT_WAITS) {
          throw new PlatformError('RATE_LIMIT', `${target} is rate limited: retry after ${retryAfterSeconds}s`, {
            transient: false,
            retryAfterSeconds: Math.ceil(retryAfterSeconds),
            httpStatus: 429,
          });
        }
        await this.wait(retryAfterSeconds * 1000, request.signal);
        continue;
      }

      if (response.status >= 500) {
        failures += 1;
        if (failures > this.retries) {
          throw new PlatformError('PLATFORM_ERROR', `${target} answered HTTP ${response.status}`, {
            transient: true,
            httpStatus: response.status,
          });
        }
        await this.wait(this.backoff(failures), request.signal);
        continue;
      }

      if (response.status >= 300 && response.status < 400) {
        // A redirect could carry the credentials to another host: the URL in the settings must be the one that answers.
        throw new PlatformError(
          'PLATFORM_ERROR',
          `${target} answered HTTP ${response.status} (a redirect, which is not followed)`,
          { transient: false, httpStatus: response.status },
        );
      }

      return response;
    }
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

  private backoff(failures: number): number {
    const jitter = 0.75 + Math.random() * 0.5;
    return Math.round(this.backoffMs * 2 ** (failures - 1) * jitter);
  }

  private async wait(ms: number, signal: AbortSignal | undefined): Promise<void> {
    this.options.onWait?.(ms);
    await sleep(ms, signal);
  }
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
