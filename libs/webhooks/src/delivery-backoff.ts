import type { WebhooksConfig } from '@atlas/config';

/**
 * The wait after failed attempt `attempt` (1 for the first): the base, doubled after each further failure, capped.
 * A function of the attempt alone, with no jitter: the retries of one delivery live across restarts in
 * JetStream (a nak with this delay), not in a process's memory, and the receiver's failures are its own, not a
 * crowd's. The platform clients' RetrySchedule (libs/outbound) keeps its counters and budget in memory for one
 * request, so it does not fit.
 */
export function webhookRetryDelayMs(
  attempt: number,
  config: Pick<WebhooksConfig, 'retryBaseMs' | 'retryMaxMs'>,
): number {
  if (!Number.isInteger(attempt) || attempt < 1)
    throw new Error(`attempt must be a whole number from 1 (got ${attempt})`);
  // 2 ** 60 is already past any cap; a larger exponent would only risk Infinity.
  return Math.min(config.retryMaxMs, config.retryBaseMs * 2 ** Math.min(attempt - 1, 60));
}

/** What follows failed attempt `attempt`: another after a wait, or nothing (the delivery has failed). */
export function afterFailedAttempt(
  attempt: number,
  config: Pick<WebhooksConfig, 'retryBaseMs' | 'retryMaxMs' | 'maxAttempts'>,
): { retry: true; waitMs: number } | { retry: false } {
  if (attempt >= config.maxAttempts) return { retry: false };
  return { retry: true, waitMs: webhookRetryDelayMs(attempt, config) };
}
