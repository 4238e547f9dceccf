import type { RateTier } from '../http/request-pacer';

/** The methods Slack's 2025 limits for apps outside the Marketplace restrict (1 request a minute, 15 messages). */
export const MESSAGE_METHODS: ReadonlySet<string> = new Set(['conversations.history', 'conversations.replies']);

/**
 * Slack's documented tier of each method the connector calls, in calls a minute
 * (https://api.slack.com/apis/rate-limits): Tier 2 "20+", Tier 3 "50+", Tier 4 "100+"; auth.test is
 * "special", hundreds a minute. The "+" is meant: Slack allows bursts above them, so they are the
 * floor the learned pace never drops below, not a ceiling.
 */
export const SLACK_METHOD_TIERS: Readonly<Record<string, number>> = {
  'auth.test': 100,
  'conversations.list': 20,
  'conversations.info': 50,
  'conversations.history': 50,
  'conversations.replies': 50,
  'users.list': 20,
  'users.info': 100,
};
/** A method the table does not name is treated as the lowest tier with bursts (Tier 2). */
const UNLISTED_TIER = 20;

/** Under the 2025 limits, history and replies calls share one bucket: one call a minute between them. */
export const MESSAGE_BUCKET = 'conversations.history|conversations.replies';

/** A Retry-After this long on a message method is what Slack's 2025 one-a-minute limit answers, not a burst limit. */
export const LONG_RETRY_AFTER_SECONDS = 30;
/**
 * Long Retry-Afters of message methods, this close together, that show a connection is under the 2025
 * limits: one alone may be a burst limit or a blip; a second within minutes is the minute-long limit.
 */
const LONG_RETRY_AFTERS_SEEN = 2;
const LONG_RETRY_AFTER_MEMORY_MS = 10 * 60_000;

export type SlackRateProfileName = 'standard' | 'non_marketplace_2025';

/**
 * How hard a connection may call Slack. `standard`: pages of 200, each method its own bucket, paced
 * only once Slack throttles it and then at the rate learned from its 429s (never below the method's
 * tier). `non_marketplace_2025`: what Slack allows apps distributed outside its Marketplace since 2025,
 * one conversations.history / conversations.replies call a minute with at most 15 messages each; a
 * large channel then takes hours, so the calls are paced instead of bounced, and the look-back of
 * incremental syncs is short by default. A connection is switched to it when it declares it, or when
 * Slack answers its message calls with long Retry-Afters repeatedly.
 */
export class SlackRateProfile {
  private readonly longRetryAfters: number[] = [];
  private current: SlackRateProfileName;
  private wasDetected = false;

  private constructor(
    name: SlackRateProfileName,
    /** Message calls a minute the connection declared (`requests_per_minute`), if it did. */
    private readonly declaredPerMinute: number | null,
    private readonly configuredLookback: number | null,
  ) {
    this.current = name;
  }

  static of(
    name: SlackRateProfileName,
    options: { requestsPerMinute?: number; lookbackDays?: number } = {},
  ): SlackRateProfile {
    const declared =
      options.requestsPerMinute !== undefined && options.requestsPerMinute > 0 ? options.requestsPerMinute : null;
    return new SlackRateProfile(name, declared, options.lookbackDays ?? null);
  }

  get name(): SlackRateProfileName {
    return this.current;
  }

  /** Whether the 2025 profile was entered because of Slack's answers rather than declared. */
  get detected(): boolean {
    return this.wasDetected;
  }

  /** Messages asked per history or replies call. */
  get pageLimit(): number {
    return this.current === 'standard' ? 200 : 15;
  }

  get lookbackDays(): number {
    return this.configuredLookback ?? (this.current === 'standard' ? 7 : 1);
  }

  /** The bucket a call of `method` is paced in. */
  bucketOf(method: string): string {
    return this.current === 'non_marketplace_2025' && MESSAGE_METHODS.has(method) ? MESSAGE_BUCKET : method;
  }

  tierOf(bucket: string): RateTier {
    if (bucket === MESSAGE_BUCKET) {
      const rate = this.declaredPerMinute ?? 1;
      return { floorPerMinute: rate, ceilingPerMinute: rate };
    }
    const documented = SLACK_METHOD_TIERS[bucket] ?? UNLISTED_TIER;
    const declared = MESSAGE_METHODS.has(bucket) ? this.declaredPerMinute : null;
    return declared === null
      ? { floorPerMinute: documented, ceilingPerMinute: null }
      : { floorPerMinute: Math.min(documented, declared), ceilingPerMinute: declared };
  }

  /** What a throttle of `method` teaches: a long Retry-After of a message method repeated means the 2025 limits. */
  afterRateLimit(method: string, retryAfterSeconds: number | undefined, now: number = Date.now()): void {
    if (this.current !== 'standard' || !MESSAGE_METHODS.has(method)) return;
    if (retryAfterSeconds === undefined || retryAfterSeconds < LONG_RETRY_AFTER_SECONDS) return;
    while (this.longRetryAfters.length > 0 && this.longRetryAfters[0] < now - LONG_RETRY_AFTER_MEMORY_MS) {
      this.longRetryAfters.shift();
    }
    this.longRetryAfters.push(now);
    if (this.longRetryAfters.length < LONG_RETRY_AFTERS_SEEN) return;
    this.current = 'non_marketplace_2025';
    this.wasDetected = true;
  }
}

/** The profile a connection's settings declare (`rate_profile`, `requests_per_minute`, `edit_lookback_days`). */
export function slackRateProfile(config: Record<string, string | undefined>): SlackRateProfile {
  const name = config.rate_profile === 'non_marketplace_2025' ? 'non_marketplace_2025' : 'standard';
  const number = (value: string | undefined) => (value === undefined ? undefined : Number(value));
  return SlackRateProfile.of(name, {
    requestsPerMinute: number(config.requests_per_minute),
    lookbackDays: number(config.edit_lookback_days),
  });
}
