/**
 * Reads a Retry-After header: delay seconds (Slack sends whole seconds, others fractions) or an HTTP
 * date. Returns seconds from `now`, never negative, or undefined when the header is absent or unreadable.
 */
export function parseRetryAfter(header: string | null, now: number = Date.now()): number | undefined {
  if (header === null) return undefined;
  const value = header.trim();
  if (/^\d+(\.\d+)?$/.test(value)) return Number(value);
  // HTTP dates name the day and month; without letters this is a malformed number, not a date.
  if (!/[a-z]/i.test(value)) return undefined;
  const date = Date.parse(value);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, (date - now) / 1000);
}
