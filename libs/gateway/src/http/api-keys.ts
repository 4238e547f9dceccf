import { Inject, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { createHash, timingSafeEqual } from 'node:crypto';
import type { ResolvedSecrets } from '@atlas/config';
import { SECRETS } from '@atlas/runtime';

/** The configured API keys, held only as digests. */
@Injectable()
export class ApiKeys {
  private readonly keyDigests: Buffer[];

  constructor(@Inject(SECRETS) secrets: ResolvedSecrets) {
    this.keyDigests = secrets.apiKeys.map(digest);
  }

  /**
   * The valid key the request presents as `Authorization: Bearer <key>`, named by its SHA-256 digest
   * (hex): rate limits count per key without keeping the key. Null without a valid key.
   */
  presentedBy(request: Request): string | null {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '');
    if (!match) return null;
    // Comparing fixed-length digests in constant time reveals nothing about the keys.
    const presented = digest(match[1]);
    return this.keyDigests.some((key) => timingSafeEqual(key, presented)) ? presented.toString('hex') : null;
  }

  /** Whether a key digest (as presentedBy names it) is of a key still configured: a token outlives no key. */
  isConfigured(keyId: string): boolean {
    if (!/^[0-9a-f]{64}$/.test(keyId)) return false;
    const presented = Buffer.from(keyId, 'hex');
    return this.keyDigests.some((key) => timingSafeEqual(key, presented));
  }
}

function digest(key: string): Buffer {
  return createHash('sha256').update(key).digest();
}
