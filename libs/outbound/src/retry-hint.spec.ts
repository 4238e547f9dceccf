import { parseRetryAfter, retryHintOf } from './retry-hint';

describe('parseRetryAfter', () => {
  const now = Date.parse('2025-03-10T12:00:00Z');

  it('reads whole and fractional seconds', () => {
    expect(parseRetryAfter('30', now)).toBe(30);
    expect(parseRetryAfter(' 1.5 ', now)).toBe(1.5);
    expect(parseRetryAfter('0', now)).toBe(0);
  });

  it('reads an HTTP date relative to now, never below zero', () => {
    expect(parseRetryAfter('Mon, 10 Mar 2025 12:00:45 GMT', now)).toBe(45);
    expect(parseRetryAfter('Mon, 10 Mar 2025 11:59:00 GMT', now)).toBe(0);
  });

  it('gives up on absent or unreadable headers', () => {
    expect(parseRetryAfter(null, now)).toBeUndefined();
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter('-5', now)).toBeUndefined();
  });
});

describe('retryHintOf', () => {
  const answer = (status: number, headers: Record<string, string>, body = '') => ({
    status,
    headers: new Headers(headers),
    body,
  });

  it('honours Retry-After on 429, 503 and 504 only', () => {
    expect(retryHintOf(answer(429, { 'retry-after': '2' }))).toEqual({ seconds: 2, global: false });
    expect(retryHintOf(answer(503, { 'retry-after': '0.5' }))).toEqual({ seconds: 0.5, global: false });
    expect(retryHintOf(answer(504, { 'retry-after': '7' }))).toEqual({ seconds: 7, global: false });
    expect(retryHintOf(answer(500, { 'retry-after': '7' }))).toBeUndefined();
    expect(retryHintOf(answer(200, { 'retry-after': '7' }))).toBeUndefined();
  });

  it("reads Discord's JSON body: fractional retry_after and global", () => {
    const body = JSON.stringify({ message: 'You are being rate limited.', retry_after: 1.337, global: true });
    expect(retryHintOf(answer(429, {}, body))).toEqual({ seconds: 1.337, global: true });
    expect(retryHintOf(answer(429, { 'x-ratelimit-global': 'true', 'retry-after': '1' }))).toEqual({
      seconds: 1,
      global: true,
    });
  });

  it('takes the longer wait when header and body disagree', () => {
    const body = JSON.stringify({ retry_after: 2.5 });
    expect(retryHintOf(answer(429, { 'retry-after': '2' }, body))?.seconds).toBe(2.5);
    expect(retryHintOf(answer(429, { 'retry-after': '3' }, body))?.seconds).toBe(3);
  });

  it('finds no hint in an answer that names no wait', () => {
    expect(retryHintOf(answer(429, {}, '{"ok":false,"error":"ratelimited"}'))).toBeUndefined();
    expect(retryHintOf(answer(429, {}, 'limit exceeded'))).toBeUndefined();
    expect(retryHintOf(answer(429, {}, '{"retry_after":"soon"}'))).toBeUndefined();
    expect(retryHintOf(answer(429, {}, '{"retry_after":-1}'))).toBeUndefined();
  });
});
