import { afterFailedAttempt, webhookRetryDelayMs } from './delivery-backoff';

describe('webhook delivery backoff', () => {
  const config = { retryBaseMs: 10_000, retryMaxMs: 3_600_000, maxAttempts: 10 };

  it('waits the base after a first failure and doubles it after each further one, up to the cap', () => {
    const waits = Array.from({ length: 12 }, (_, i) => webhookRetryDelayMs(i + 1, config));
    expect(waits).toEqual([
      10_000, 20_000, 40_000, 80_000, 160_000, 320_000, 640_000, 1_280_000, 2_560_000, 3_600_000, 3_600_000, 3_600_000,
    ]);
  });

  it('never overflows, however late the attempt', () => {
    expect(webhookRetryDelayMs(10_000, config)).toBe(3_600_000);
  });

  it('refuses an attempt that is not a whole number from 1', () => {
    expect(() => webhookRetryDelayMs(0, config)).toThrow('attempt');
    expect(() => webhookRetryDelayMs(1.5, config)).toThrow('attempt');
  });

  it('retries until the last allowed attempt, then gives up', () => {
    expect(afterFailedAttempt(1, config)).toEqual({ retry: true, waitMs: 10_000 });
    expect(afterFailedAttempt(9, config)).toEqual({ retry: true, waitMs: 2_560_000 });
    expect(afterFailedAttempt(10, config)).toEqual({ retry: false });
    expect(afterFailedAttempt(1, { ...config, maxAttempts: 1 })).toEqual({ retry: false });
  });
});
