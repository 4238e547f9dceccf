import { sleep } from '@atlas/common';

/** A route as Discord buckets it: the method and path, with the major parameter kept and other ids masked. */
export interface DiscordRoute {
  /** `GET /channels/123/messages/:id`: requests of one route share a bucket. */
  key: string;
  /** `channels/123`: buckets are per major parameter, so two channels never share a window. */
  major: string;
}

export function discordRoute(method: string, path: string): DiscordRoute {
  const segments = path.split('/').filter((segment) => segment !== '');
  const major =
    segments.length >= 2 && /^(channels|guilds|webhooks)$/.test(segments[0]) ? `${segments[0]}/${segments[1]}` : '';
  const masked = segments.map((segment, index) => (index > 1 && /^\d+$/.test(segment) ? ':id' : segment));
  return { key: `${method} /${masked.join('/')}`, major };
}

/**
 * The bucket of the platform HTTP client's pacing for a request: its route and major parameter, as
 * Discord limits them (`GET /channels/:id/messages|channels/123`).
 */
export function discordBucket(root: string, request: { url: string; method?: string }): string {
  const rootPath = URL.canParse(root) ? new URL(root).pathname.replace(/\/+$/, '') : '';
  const path = new URL(request.url).pathname;
  const route = discordRoute(request.method ?? 'GET', path.startsWith(rootPath) ? path.slice(rootPath.length) : path);
  return `${route.key}|${route.major}`;
}

/**
 * Discord's per-route buckets as its X-RateLimit-* headers describe them. When a bucket's Remaining
 * reaches 0, the next request of that bucket waits out Reset-After instead of collecting a 429
 * (repeated 429s can get a bot temporarily banned from the API).
 */
export class DiscordRateLimits {
  private readonly bucketOfRoute = new Map<string, string>();
  /** When each exhausted bucket (hash|major) opens again, in ms. */
  private readonly exhaustedUntil = new Map<string, number>();

  constructor(private readonly onWait?: (ms: number) => void) {}

  async waitForTurn(route: DiscordRoute, signal?: AbortSignal): Promise<void> {
    const bucket = this.bucketOfRoute.get(route.key);
    if (bucket === undefined) return;
    const key = `${bucket}|${route.major}`;
    const until = this.exhaustedUntil.get(key);
    if (until === undefined) return;
    this.exhaustedUntil.delete(key);
    const waitMs = until - Date.now();
    if (waitMs <= 0) return;
    this.onWait?.(waitMs);
    await sleep(waitMs, signal);
  }

  record(route: DiscordRoute, headers: Headers): void {
    const bucket = headers.get('x-ratelimit-bucket');
    if (!bucket) return;
    this.bucketOfRoute.set(route.key, bucket);
    const remaining = Number(headers.get('x-ratelimit-remaining'));
    const resetAfterSeconds = Number(headers.get('x-ratelimit-reset-after'));
    const key = `${bucket}|${route.major}`;
    if (headers.get('x-ratelimit-remaining') !== null && remaining <= 0 && Number.isFinite(resetAfterSeconds)) {
      this.exhaustedUntil.set(key, Date.now() + Math.max(0, resetAfterSeconds) * 1000);
    } else {
      this.exhaustedUntil.delete(key);
    }
  }
}
