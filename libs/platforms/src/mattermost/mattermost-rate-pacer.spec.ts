import { MattermostRatePacer, rateLimitPauseMs } from './mattermost-rate-pacer';

const headers = (remaining: string, reset: string) =>
  new Headers({ 'X-Ratelimit-Limit': '10', 'X-Ratelimit-Remaining': remaining, 'X-Ratelimit-Reset': reset });

describe('rateLimitPauseMs', () => {
  const now = Date.parse('2026-03-10T12:00:00Z');

  it('asks for a pause until the reset once the quota is used up', () => {
    expect(rateLimitPauseMs(headers('0', '3'), now)).toBe(3000);
    expect(rateLimitPauseMs(headers('0', '0.25'), now)).toBe(250);
  });

  it('reads a reset given as an epoch time', () => {
    expect(rateLimitPauseMs(headers('0', String(now / 1000 + 2)), now)).toBe(2000);
    expect(rateLimitPauseMs(headers('0', String(now / 1000 - 2)), now)).toBeUndefined();
  });

  it('asks for nothing while requests remain, or without the headers', () => {
    expect(rateLimitPauseMs(headers('4', '3'), now)).toBeUndefined();
    expect(rateLimitPauseMs(new Headers(), now)).toBeUndefined();
    expect(rateLimitPauseMs(headers('0', 'soon'), now)).toBeUndefined();
  });
});

describe('MattermostRatePacer', () => {
  it('holds the next request back until the reset, once, and says so', async () => {
    const waits: number[] = [];
    const pacer = new MattermostRatePacer({ maxWaitSeconds: 5, onWait: (ms) => waits.push(ms) });
    pacer.observe(headers('0', '0.05'));
    const started = Date.now();
    await pacer.beforeRequest(undefined);
    expect(Date.now() - started).toBeGreaterThanOrEqual(40);
    await pacer.beforeRequest(undefined);
    expect(waits).toHaveLength(1);
    expect(waits[0]).toBeGreaterThan(0);
  });

  it('does not wait longer than allowed: the server then answers 429 and its Retry-After decides', async () => {
    const waits: number[] = [];
    const pacer = new MattermostRatePacer({ maxWaitSeconds: 1, onWait: (ms) => waits.push(ms) });
    pacer.observe(headers('0', '60'));
    await pacer.beforeRequest(undefined);
    expect(waits).toEqual([]);
  });

  it('forgets an exhausted quota once a later answer shows requests left', async () => {
    const waits: number[] = [];
    const pacer = new MattermostRatePacer({ maxWaitSeconds: 5, onWait: (ms) => waits.push(ms) });
    pacer.observe(headers('0', '2'));
    pacer.observe(headers('9', '1'));
    await pacer.beforeRequest(undefined);
    expect(waits).toEqual([]);
  });

  it('stops waiting when the fetch is cancelled', async () => {
    const pacer = new MattermostRatePacer({ maxWaitSeconds: 5 });
    pacer.observe(headers('0', '3'));
    await expect(pacer.beforeRequest(AbortSignal.timeout(20))).rejects.toBeDefined();
  });
});
