import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';

/** What a token allows: opening GET /api/sync/events, nothing else. */
export const SYNC_EVENTS_SCOPE = 'sync_events';

export interface SyncEventsTokenClaims {
  scope: typeof SYNC_EVENTS_SCOPE;
  /** The digest naming the API key that asked for it (see ApiKeys): rate limits count against that key. */
  key: string;
  /** Expiry, in seconds since the epoch. */
  exp: number;
}

export type TokenCheck = { ok: true; claims: SyncEventsTokenClaims } | { ok: false; reason: 'invalid' | 'expired' };

/**
 * The token's signing key, derived from the credentials key (ATLAS_SECRET_KEY) so every gateway replica
 * accepts the tokens of the others, and no other use of that key can produce a valid signature.
 */
export function tokenSigningKey(secretKey: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', secretKey, Buffer.alloc(0), 'atlas-sync-events-token-v1', 32));
}

/** `<claims as base64url JSON>.<HMAC-SHA256 of that part, base64url>`: safe in a URL as it is. */
export function signToken(signingKey: Buffer, claims: SyncEventsTokenClaims): string {
  const body = Buffer.from(JSON.stringify(claims)).toString('base64url');
  return `${body}.${signature(signingKey, body)}`;
}

export function checkToken(signingKey: Buffer, token: string, nowMs: number): TokenCheck {
  const match = /^([A-Za-z0-9_-]{1,1000})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match) return { ok: false, reason: 'invalid' };
  const [, body, presented] = match;
  const expected = Buffer.from(signature(signingKey, body), 'base64url');
  if (!timingSafeEqual(expected, Buffer.from(presented, 'base64url'))) return { ok: false, reason: 'invalid' };
  const claims = parseClaims(body);
  if (!claims) return { ok: false, reason: 'invalid' };
  if (claims.exp * 1000 <= nowMs) return { ok: false, reason: 'expired' };
  return { ok: true, claims };
}

function signature(signingKey: Buffer, body: string): string {
  return createHmac('sha256', signingKey).update(body).digest('base64url');
}

/** The claims of a correctly signed body; only this code signs, but a body of another scope is still refused. */
function parseClaims(body: string): SyncEventsTokenClaims | null {
  try {
    const claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Partial<SyncEventsTokenClaims>;
    if (claims.scope !== SYNC_EVENTS_SCOPE || typeof claims.key !== 'string' || !Number.isInteger(claims.exp)) {
      return null;
    }
    return claims as SyncEventsTokenClaims;
  } catch {
    return null;
  }
}
