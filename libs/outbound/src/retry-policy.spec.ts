import { DEFAULT_RETRY_POLICY, RetrySchedule } from './retry-policy';

const settings = { ...DEFAULT_RETRY_POLICY, maxHintedWaitSeconds: 300 };
const throttled = (seconds?: number, global = false) =>
  ({ kind: 'throttled', hint: seconds === undefined ? undefined : { seconds, global } }) as const;

describe('RetrySchedule', () => {
  it('waits out a hint as given, fractions included', () => {
    const schedule = new RetrySchedule(settings);
    expect(schedule.next(throttled(1.25))).toEqual({ retry: true, waitMs: 1250, hinted: true });
    expect(schedule.next(throttled(0))).toEqual({ retry: true, waitMs: 0, hinted: true });
  });

  it('gives up at once on a hint longer than allowed, passing it on', () => {
    const schedule = new RetrySchedule({ ...settings, maxHintedWaitSeconds: 5 });
    expect(schedule.next(throttled(120))).toEqual({ retry: false, why: 'wait_too_long', retryAfterSeconds: 120 });
  });

  it('backs off an unhinted throttle with full jitter, doubling up to the cap', () => {
    const highest = new RetrySchedule(settings, () => 1);
    const waits = Array.from({ length: 9 }, () => highest.next(throttled()));
    expect(waits.map((w) => (w.retry ? w.waitMs : null))).toEqual([
      1000, 2000, 4000, 8000, 16_000, 32_000, 60_000, 60_000, 60_000,
    ]);
    const lowest = new RetrySchedule(settings, () => 0);
    expect(lowest.next(throttled())).toEqual({ retry: true, waitMs: 0, hinted: false });
  });

  it('keeps retrying a throttle far past ten waits, until the budget is spent', () => {
    const schedule = new RetrySchedule({ ...settings, budgetSeconds: 60 }, () => 0.1);
    const decisions = Array.from({ length: 40 }, () => schedule.next(throttled()));
    const taken = decisions.filter((decision) => decision.retry);
    expect(taken.length).toBeGreaterThan(10);
    expect(schedule.waited).toBeLessThanOrEqual(60_000);
    expect(decisions.at(-1)).toMatchObject({ retry: false, why: 'budget_spent' });
  });

  it('counts hinted waits against the budget too', () => {
    const schedule = new RetrySchedule({ ...settings, budgetSeconds: 5 });
    expect(schedule.next(throttled(2))).toMatchObject({ retry: true });
    expect(schedule.next(throttled(2))).toMatchObject({ retry: true });
    expect(schedule.next(throttled(2))).toEqual({ retry: false, why: 'budget_spent', retryAfterSeconds: 2 });
  });

  it('retries failures a few times only', () => {
    const schedule = new RetrySchedule({ ...settings, maxFailures: 2 }, () => 1);
    expect(schedule.next({ kind: 'failed' })).toEqual({ retry: true, waitMs: 250, hinted: false });
    expect(schedule.next({ kind: 'failed' })).toEqual({ retry: true, waitMs: 500, hinted: false });
    expect(schedule.next({ kind: 'failed' })).toEqual({ retry: false, why: 'failures' });
  });
});
