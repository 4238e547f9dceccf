import { Inject, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import type { AtlasConfig, ResolvedSecrets } from '@atlas/config';
import { MetricsGate } from '@atlas/metrics';
import { ATLAS_CONFIG, SECRETS } from '@atlas/runtime';

/** The gateway's MetricsGate: its API keys, the metrics token, or anyone when the metrics are public. */
@Injectable()
export class MetricsAccess {
  private readonly gate: MetricsGate;

  constructor(@Inject(ATLAS_CONFIG) config: AtlasConfig, @Inject(SECRETS) secrets: ResolvedSecrets) {
    this.gate = new MetricsGate({ ...config.metrics, apiKeys: secrets.apiKeys });
  }

  allows(request: Request): boolean {
    return this.gate.allows(request.headers.authorization);
  }
}
