import { sleep } from '@atlas/common';

/** Above this, X-Ratelimit-Reset is an epoch time in seconds (some proxies send that), not a delay. */
const EPOCH_SECONDS_THRESHOLD = 1_000_000_000;

/**
 * How long to hold the next request back, from a response's rate-limit headers: Mattermost sends
 * X-Ratelimit-Remaining and X-Ratelimit-Reset (seconds until the quota is full again) on every answer
 * when rate limiting is on. Only an exhausted quota asks for a pause; undefined otherwise.
 */
export function rateLimitPauseMs(headers: Headers, now: number = Date.now()): number | undefined {
  const remaining = headers.get('x-ratelimit-remaining');
  if (remaining === null || Number(remaining.trim()) !== 0) return undefined;
  const reset = Number(headers.get('x-ratelimit-reset')?.trim() ?? '');
  if (!Number.isFinite(reset) || reset < 0) return undefined;
  const seconds = reset > EPOCH_SECONDS_THRESHOLD ? reset - now / 1000 : reset;
  return seconds > 0 ? Math.ceil(seconds * 1000) : undefined;
}

/**
 * Keeps the connector under Mattermost's rate limit instead of running into 429s: once a response says
 * the quota is used up, the next request waits until it is reset. A pause longer than the connector may
 * wait is not taken: the request goes out, and the server's 429 with its Retry-After decides.
 */
export class MattermostRatePacer {
  private resumeAt = 0;

  constructor(
    private readonly options: { maxWaitSeconds: number; onWait?: (ms: number) => void },
    private readonly now: () => number = Date.now,
  ) {}

  observe(headers: Headers): void {
    const pause = rateLimitPauseMs(headers, this.now());
    this.resumeAt = pause === undefined ? 0 : this.now() + pause;
  }

  async beforeRequest(signal: AbortSignal | undefined): Promise<void> {
    const wait = this.resumeAt - this.now();
    this.resumeAt = 0;
    if (wait <= 0 || wait > this.options.maxWaitSeconds * 1000) return;
    this.options.onWait?.(wait);
    await sleep(wait, signal);
  }
}
