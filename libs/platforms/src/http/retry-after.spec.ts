import { parseRetryAfter } from './retry-after';

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
