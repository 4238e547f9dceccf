import { Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { SyncEventsTokens, TokenPresented } from '../sync/sync-events-tokens';
import { ApiKeys } from './api-keys';
import { envelope, ErrorEnvelope } from './error-envelope';

/** Where the middleware leaves the digest of the request's key (`response.locals`), for the rate limits. */
export const API_KEY_ID = 'apiKeyId';

/**
 * `Authorization: Bearer <key>` on every request but the health check and the web app's files (served
 * before it: web/serve-web-app.ts); the event stream also takes a token from POST /api/sync/events/token as
 * `?token=` (EventSource cannot send headers). It runs before routing, so an unknown path without a key is
 * a 401 too: no data answers without a key.
 */
@Injectable()
export class ApiKeyMiddleware implements NestMiddleware {
  constructor(
    private readonly keys: ApiKeys,
    private readonly tokens: SyncEventsTokens,
  ) {}

  use(request: Request, response: Response, next: NextFunction): void {
    let keyId = this.keys.presentedBy(request);
    const token = keyId ? null : this.tokens.presentedBy(request);
    if (token && 'keyId' in token) keyId = token.keyId;
    if (keyId) {
      response.locals[API_KEY_ID] = keyId;
      next();
      return;
    }
    response.status(401).json(token && 'refused' in token ? tokenRefusal(token) : KEY_REQUIRED);
  }
}

const KEY_REQUIRED = envelope('UNAUTHORIZED', 'A valid API key is required: send "Authorization: Bearer <key>".');

function tokenRefusal(token: Exclude<TokenPresented, { keyId: string }>): ErrorEnvelope {
  const why = {
    invalid: 'is not a valid event stream token',
    expired: 'has expired',
    revoked: 'was issued for an API key that is no longer configured',
  }[token.refused];
  return envelope('UNAUTHORIZED', `The token ${why}: ask POST /api/sync/events/token for a new one.`, {
    reason: token.refused,
  });
}
