import { Inject, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { createHash, timingSafeEqual } from 'node:crypto';
import type { AtlasConfig } from '@atlas/config';
import { ATLAS_CONFIG } from '@atlas/runtime';
import { ApiKeys } from '../http/api-keys';

/**
 * Who may read /metrics: anyone with an API key; also the holder of ATLAS_METRICS_TOKEN, a token that
 * reads the metrics and nothing else (so Prometheus needs no key that could change data); or anyone at
 * all with ATLAS_METRICS_PUBLIC=true.
 */
@Injectable()
export class MetricsAccess {
  private readonly tokenDigest: Buffer | null;
  private readonly isPublic: boolean;

  constructor(
    @Inject(ATLAS_CONFIG) config: AtlasConfig,
    private readonly keys: ApiKeys,
  ) {
    this.isPublic = config.metrics.public;
    this.tokenDigest = config.metrics.token === null ? null : digest(config.metrics.token);
  }

  allows(request: Request): boolean {
    if (this.isPublic || this.keys.presentedBy(request) !== null) return true;
    const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '');
    return this.tokenDigest !== null && match !== null && timingSafeEqual(digest(match[1]), this.tokenDigest);
  }
}

function digest(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}
