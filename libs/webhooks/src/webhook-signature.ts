import { createHmac, timingSafeEqual } from 'node:crypto';

/** The headers of every delivery (docs/WEBHOOKS.md). */
export const WEBHOOK_HEADERS = {
  /** The delivery's id: the same on every attempt, so a receiver drops the repeats of one it already has. */
  delivery: 'X-Atlas-Delivery',
  /** The event type, e.g. `SyncCompleted`. */
  event: 'X-Atlas-Event',
  /** The attempt, 1 for the first. */
  attempt: 'X-Atlas-Attempt',
  /** Unix time in seconds when this attempt was signed. */
  timestamp: 'X-Atlas-Timestamp',
  /** `sha256=<hex HMAC-SHA256 of "<timestamp>.<body>" with the webhook's secret>`; absent without a secret. */
  signature: 'X-Atlas-Signature',
} as const;

/**
 * The signature of one attempt: HMAC-SHA256 over the timestamp, a dot and the exact body bytes. The timestamp
 * is inside what is signed, so a receiver that refuses old timestamps cannot be sent a recorded delivery again.
 */
export function webhookSignature(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`, 'utf8').digest('hex')}`;
}

/** What a receiver does (the snippet in docs/WEBHOOKS.md): recompute, compare in constant time, refuse stale ones. */
export function verifyWebhookSignature(
  secret: string,
  headers: { timestamp: string | undefined; signature: string | undefined },
  body: string,
  options: { nowSeconds: number; toleranceSeconds: number },
): boolean {
  const { timestamp, signature } = headers;
  if (timestamp === undefined || signature === undefined || !/^\d+$/.test(timestamp)) return false;
  if (Math.abs(options.nowSeconds - Number(timestamp)) > options.toleranceSeconds) return false;
  const expected = Buffer.from(webhookSignature(secret, timestamp, body), 'utf8');
  const given = Buffer.from(signature, 'utf8');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
