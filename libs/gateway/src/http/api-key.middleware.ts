import { Inject, Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { createHash, timingSafeEqual } from 'node:crypto';
import type { ResolvedSecrets } from '@atlas/config';
import { SECRETS } from '@atlas/runtime';
import { envelope } from './error-envelope';

/**
 * `Authorization: Bearer <key>` on every request but the health check. It runs before routing, so an
 * unknown path without a key is a 401 too: nothing answers without a key.
 */
@Injectable()
export class ApiKeyMiddleware implements NestMiddleware {
  private readonly keyDigests: Buffer[];

  constructor(@Inject(SECRETS) secrets: ResolvedSecrets) {
    this.keyDigests = secrets.apiKeys.map(digest);
  }

  use(request: Request, response: Response, next: NextFunction): void {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '');
    // Comparing fixed-length digests in constant time reveals nothing about the keys.
    const presented = match ? digest(match[1]) : null;
    if (presented && this.keyDigests.some((key) => timingSafeEqual(key, presented))) {
      next();
      return;
    }
    response
      .status(401)
      .json(envelope('UNAUTHORIZED', 'A valid API key is required: send "Authorization: Bearer <key>".'));
  }
}

function digest(key: string): Buffer {
  return createHash('sha256').update(key).digest();
}
