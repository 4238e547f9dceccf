import { Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { ApiKeys } from './api-keys';
import { envelope } from './error-envelope';

/** Where the middleware leaves the digest of the request's key (`response.locals`), for the rate limits. */
export const API_KEY_ID = 'apiKeyId';

/**
 * `Authorization: Bearer <key>` on every request but the health check and the web app's files (served
 * before it: web/serve-web-app.ts). It runs before routing, so an unknown path without a key is a 401 too:
 * no data answers without a key.
 */
@Injectable()
export class ApiKeyMiddleware implements NestMiddleware {
  constructor(private readonly keys: ApiKeys) {}

  use(request: Request, response: Response, next: NextFunction): void {
    const keyId = this.keys.presentedBy(request);
    if (keyId) {
      response.locals[API_KEY_ID] = keyId;
      next();
      return;
    }
    response
      .status(401)
      .json(envelope('UNAUTHORIZED', 'A valid API key is required: send "Authorization: Bearer <key>".'));
  }
}
