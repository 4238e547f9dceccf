/** What a server said about when to ask again. */
export interface RetryHint {
  /** Seconds from now, never negative. */
  seconds: number;
  /** The wait holds for every request to the server, not only for this request's kind (Discord's global limit). */
  global: boolean;
}

/**
 * Statuses whose wait hint is honoured: too many requests, and a service unavailable or a gateway timed
 * out (RFC 9110 §10.2.3 lets both send Retry-After; Microsoft Graph does on 503).
 */
export const HINTED_STATUSES: ReadonlySet<number> = new Set([429, 503, 504]);

/** Longest body read for a hint: error answers are small, and a huge one is not worth parsing. */
const MAX_HINT_BODY_LENGTH = 64 * 1024;

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

/**
 * The wait an answer asks for, from its Retry-After header or from a JSON body's `retry_after` (seconds,
 * fractions allowed, as Discord sends it, with `global`); the longer of the two when both are given,
 * so no request goes before either allows. Undefined for other statuses, or when the answer names no wait.
 */
export function retryHintOf(
  answer: { status: number; headers: Headers; body: string },
  now: number = Date.now(),
): RetryHint | undefined {
  if (!HINTED_STATUSES.has(answer.status)) return undefined;
  const header = parseRetryAfter(answer.headers.get('retry-after'), now);
  const body = bodyHint(answer.body);
  const seconds = Math.max(header ?? -1, body?.seconds ?? -1);
  if (seconds < 0) return undefined;
  const global = answer.headers.get('x-ratelimit-global')?.trim().toLowerCase() === 'true' || body?.global === true;
  return { seconds, global };
}

function bodyHint(body: string): { seconds?: number; global: boolean } | undefined {
  if (body.length > MAX_HINT_BODY_LENGTH || !body.trimStart().startsWith('{')) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return undefined;
  }
  const { retry_after: retryAfter, global } = parsed as { retry_after?: unknown; global?: unknown };
  const seconds =
    typeof retryAfter === 'number' && Number.isFinite(retryAfter) && retryAfter >= 0 ? retryAfter : undefined;
  return { seconds, global: global === true };
}
