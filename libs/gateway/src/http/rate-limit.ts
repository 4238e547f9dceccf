import { ExecutionContext, Injectable } from '@nestjs/common';
import { ThrottlerGuard, ThrottlerLimitDetail, ThrottlerModuleOptions, ThrottlerOptions } from '@nestjs/throttler';
import type { Request, Response } from 'express';
import { RateLimitError } from '@atlas/common';
import type { AtlasConfig } from '@atlas/config';
import { ImportsController } from '../imports/imports.controller';
import { API_KEY_ID } from './api-key.middleware';

const WINDOW_MS = 60_000;
/** Every request counts against this budget of its key. */
const API = 'api';
/** Uploads count against this smaller one as well: each may be hundreds of MB to store and check. */
const UPLOADS = 'uploads';
const UPLOAD_CONTROLLERS: readonly unknown[] = [ImportsController];

/** For @SkipThrottle: the health check is never limited. */
export const NO_RATE_LIMITS = { [API]: true, [UPLOADS]: true };

/**
 * Per-key rate limits (@nestjs/throttler, in this gateway's memory): a sliding minute per API key, counted
 * across every route. A key over its budget is refused until the block ends, whatever route it asks.
 */
export function rateLimitOptions(config: AtlasConfig): ThrottlerModuleOptions {
  const uploadsOnly = (context: ExecutionContext) => !UPLOAD_CONTROLLERS.includes(context.getClass());
  return {
    throttlers: [
      perMinute(API, config.rateLimitPerMinute),
      perMinute(UPLOADS, config.uploadRateLimitPerMinute, uploadsOnly),
    ],
    // The key's digest, left by the API key check: never the key itself, and never the client's address.
    getTracker: (request) => (request as Request).res?.locals[API_KEY_ID] as string,
    // One budget per key across routes (the library's default keeps one per route).
    generateKey: (_context, tracker, throttler) => `${throttler}:${tracker}`,
    // Retry-After is set with the refusal; the library's own headers would carry the throttlers' names.
    setHeaders: false,
  };
}

function perMinute(
  name: string,
  limit: number,
  skipIf: (context: ExecutionContext) => boolean = () => false,
): ThrottlerOptions {
  // 0 turns a limit off.
  return { name, limit, ttl: WINDOW_MS, skipIf: limit === 0 ? () => true : skipIf };
}

/** The throttler's guard, answering a refusal in the error envelope: 429 RATE_LIMIT with Retry-After. */
@Injectable()
export class RateLimitGuard extends ThrottlerGuard {
  protected override async shouldSkip(context: ExecutionContext): Promise<boolean> {
    // Only HTTP requests carry a key: the event handlers of the same process are not limited.
    return context.getType() !== 'http';
  }

  protected override async throwThrottlingException(
    context: ExecutionContext,
    detail: ThrottlerLimitDetail,
  ): Promise<void> {
    const retryAfter = Math.max(1, detail.timeToBlockExpire);
    context.switchToHttp().getResponse<Response>().setHeader('Retry-After', String(retryAfter));
    const what = detail.key.startsWith(`${UPLOADS}:`) ? 'uploads' : 'requests';
    throw new RateLimitError(
      `Too many ${what} with this API key: at most ${detail.limit} a minute. Try again in ${retryAfter} s.`,
      { retry_after: retryAfter, limit: detail.limit, window_seconds: WINDOW_MS / 1000 },
    );
  }
}
