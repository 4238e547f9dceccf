import { Inject, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { isoSeconds } from '@atlas/common';
import type { AtlasConfig, ResolvedSecrets } from '@atlas/config';
import { ATLAS_CONFIG, SECRETS } from '@atlas/runtime';
import { ApiKeys } from '../http/api-keys';
import { checkToken, signToken, SYNC_EVENTS_SCOPE, tokenSigningKey } from './sync-events-token';

/** The one path a token opens. */
export const SYNC_EVENTS_PATH = '/api/sync/events';

export type TokenPresented = { keyId: string } | { refused: 'invalid' | 'expired' | 'revoked' };

/**
 * Short-lived tokens for the event stream: a browser's EventSource cannot send an Authorization header,
 * and the API key must never go into a URL (logs, history, Referer). A token names the key it was asked
 * with, so a key removed from ATLAS_API_KEYS takes its tokens with it.
 */
@Injectable()
export class SyncEventsTokens {
  private readonly signingKey: Buffer | null;

  constructor(
    @Inject(SECRETS) secrets: ResolvedSecrets,
    @Inject(ATLAS_CONFIG) private readonly config: AtlasConfig,
    private readonly keys: ApiKeys,
  ) {
    this.signingKey = secrets.secretKey ? tokenSigningKey(secrets.secretKey) : null;
  }

  issue(keyId: string, nowMs = Date.now()): { token: string; expires_at: string } {
    if (!this.signingKey) throw new Error('event stream tokens need the credentials key (ATLAS_SECRET_KEY)');
    // Whole seconds: expires_at is shown to the second, and the token must not outlive what it says.
    const exp = Math.floor(nowMs / 1000) + this.config.syncEvents.tokenTtlSeconds;
    return {
      token: signToken(this.signingKey, { scope: SYNC_EVENTS_SCOPE, key: keyId, exp }),
      expires_at: isoSeconds(new Date(exp * 1000)),
    };
  }

  /** What `?token=` on a GET of the event stream presents; null when the request is not one or has none. */
  presentedBy(request: Request, nowMs = Date.now()): TokenPresented | null {
    if (request.method !== 'GET' || request.path.replace(/\/+$/, '') !== SYNC_EVENTS_PATH) return null;
    const token = request.query.token;
    if (token === undefined) return null;
    if (typeof token !== 'string' || !this.signingKey) return { refused: 'invalid' };
    const check = checkToken(this.signingKey, token, nowMs);
    if (!check.ok) return { refused: check.reason };
    if (!this.keys.isConfigured(check.claims.key)) return { refused: 'revoked' };
    return { keyId: check.claims.key };
  }
}
