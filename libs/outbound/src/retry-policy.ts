import type { RetryHint } from './retry-hint';

/** How one request is retried. Times of the platform (hints, budget) in seconds, our own backoffs in ms. */
export interface RetryPolicySettings {
  /** Longest wait a server may ask for (ATLAS_MAX_RETRY_AFTER_SECONDS): a longer one is given up at once. */
  maxHintedWaitSeconds: number;
  /** Longest the waits of one request may add up to: past it, the request is given up. */
  budgetSeconds: number;
  /** First backoff after a throttle that names no wait; each further one doubles it (full jitter). */
  throttleBaseMs: number;
  /** First backoff after a failure (network error, timeout, 5xx without a hint); each further one doubles it. */
  failureBaseMs: number;
  /** Longest single backoff chosen without a hint. */
  maxBackoffMs: number;
  /** Failures retried before giving up: they are usually momentary, and a lasting one is retried by the job. */
  maxFailures: number;
}

/**
 * The defaults. A throttle without a hint is backed off from 1 s up to a minute a wait (as Microsoft
 * Graph advises for its 429s without Retry-After) until the budget of 15 minutes a request is spent.
 */
export const DEFAULT_RETRY_POLICY: Omit<RetryPolicySettings, 'maxHintedWaitSeconds'> = {
  budgetSeconds: 900,
  throttleBaseMs: 1000,
  failureBaseMs: 250,
  maxBackoffMs: 60_000,
  maxFailures: 3,
};

/** Why a request failed: throttled (429, or 503/504 with a wait), or failed some other way worth retrying. */
export type RetryCause = { kind: 'throttled'; hint?: RetryHint } | { kind: 'failed' };

export type RetryDecision =
  | { retry: true; waitMs: number; hinted: boolean }
  | {
      retry: false;
      /** The hint is longer than allowed, the budget would be overspent, or failures kept coming. */
      why: 'wait_too_long' | 'budget_spent' | 'failures';
      /** When to come back, for the caller's own retry: the hint, or the wait that was not taken. */
      retryAfterSeconds?: number;
    };

/**
 * The retries of one request: a server's hint is waited out as given; without one, exponential backoff
 * with full jitter (a random wait up to the doubled base, capped), so clients throttled together do not
 * come back together. Throttles are retried for as long as the budget lasts, never for a fixed number
 * of waits; failures only a few times.
 */
export class RetrySchedule {
  private waitedMs = 0;
  private throttles = 0;
  private failures = 0;

  constructor(
    private readonly settings: RetryPolicySettings,
    private readonly random: () => number = Math.random,
  ) {}

  /** What has been waited so far, in ms. */
  get waited(): number {
    return this.waitedMs;
  }

  next(cause: RetryCause): RetryDecision {
    let waitMs: number;
    let hinted = false;
    if (cause.kind === 'failed') {
      this.failures += 1;
      if (this.failures > this.settings.maxFailures) return { retry: false, why: 'failures' };
      waitMs = this.backoff(this.settings.failureBaseMs, this.failures);
    } else if (cause.hint) {
      if (cause.hint.seconds > this.settings.maxHintedWaitSeconds) {
        return { retry: false, why: 'wait_too_long', retryAfterSeconds: cause.hint.seconds };
      }
      hinted = true;
      waitMs = Math.ceil(cause.hint.seconds * 1000);
    } else {
      this.throttles += 1;
      waitMs = this.backoff(this.settings.throttleBaseMs, this.throttles);
    }
    if (this.waitedMs + waitMs > this.settings.budgetSeconds * 1000) {
      return { retry: false, why: 'budget_spent', retryAfterSeconds: Math.ceil(waitMs / 1000) };
    }
    this.waitedMs += waitMs;
    return { retry: true, waitMs, hinted };
  }

  private backoff(baseMs: number, attempt: number): number {
    const ceiling = Math.min(this.settings.maxBackoffMs, baseMs * 2 ** (attempt - 1));
    return Math.round(this.random() * ceiling);
  }
}
