import { createHash, timingSafeEqual } from 'node:crypto';

export interface MetricsGateSettings {
  /** Anyone may read the metrics (ATLAS_METRICS_PUBLIC=true). */
  public: boolean;
  /** A token that reads the metrics and nothing else (ATLAS_METRICS_TOKEN). */
  token: string | null;
  /** The API keys, which read the metrics too. */
  apiKeys: string[];
}

/**
 * Who may read /metrics: anyone with an API key; the holder of the metrics token (so a scraper needs no
 * key that could change data); or anyone at all when the metrics are public. Secrets are held as
 * digests and compared in constant time, as the API keys are.
 */
export class MetricsGate {
  private readonly digests: Buffer[];

  constructor(private readonly settings: MetricsGateSettings) {
    const secrets = settings.token === null ? settings.apiKeys : [...settings.apiKeys, settings.token];
    this.digests = secrets.map(digest);
  }

  /** Whether a request with this Authorization header may read the metrics. */
  allows(authorization: string | undefined): boolean {
    if (this.settings.public) return true;
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
    if (!match) return false;
    const presented = digest(match[1]);
    return this.digests.some((secret) => timingSafeEqual(secret, presented));
  }
}

function digest(secret: string): Buffer {
  return createHash('sha256').update(secret).digest();
}

/** The answer to a request the gate refuses, in the API's error envelope. */
export const METRICS_UNAUTHORIZED = {
  error: {
    code: 'UNAUTHORIZED',
    message: 'Reading metrics needs "Authorization: Bearer <key>" with an API key or the metrics token.',
    details: {},
  },
};
