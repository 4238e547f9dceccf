import { randomBytes } from 'node:crypto';
import { checkToken, signToken, SYNC_EVENTS_SCOPE, tokenSigningKey } from './sync-events-token';

const key = tokenSigningKey(randomBytes(32));
const claims = { scope: SYNC_EVENTS_SCOPE, key: 'ab'.repeat(32), exp: 2_000_000_000 } as const;

describe('event stream tokens', () => {
  it('accepts its own token until it expires', () => {
    const token = signToken(key, claims);
    expect(checkToken(key, token, 1_999_999_999_000)).toEqual({ ok: true, claims });
    expect(checkToken(key, token, 2_000_000_000_000)).toEqual({ ok: false, reason: 'expired' });
  });

  it('refuses a token signed with another key, a changed body, and what is not a token', () => {
    const token = signToken(key, claims);
    expect(checkToken(tokenSigningKey(randomBytes(32)), token, 0)).toEqual({ ok: false, reason: 'invalid' });
    const [, signature] = token.split('.');
    const longer = Buffer.from(JSON.stringify({ ...claims, exp: 4_000_000_000 })).toString('base64url');
    expect(checkToken(key, `${longer}.${signature}`, 0)).toEqual({ ok: false, reason: 'invalid' });
    for (const junk of ['', 'x', 'a.b', `${token}x`, 'test-key-0123456789abcdef']) {
      expect(checkToken(key, junk, 0)).toEqual({ ok: false, reason: 'invalid' });
    }
  });

  it('refuses a correctly signed body of another scope', () => {
    const other = signToken(key, { ...claims, scope: 'admin' } as never);
    expect(checkToken(key, other, 0)).toEqual({ ok: false, reason: 'invalid' });
  });

  it('derives different signing keys from different secrets', () => {
    const secret = randomBytes(32);
    expect(tokenSigningKey(secret).equals(tokenSigningKey(secret))).toBe(true);
    expect(tokenSigningKey(secret).equals(secret)).toBe(false);
  });
});
