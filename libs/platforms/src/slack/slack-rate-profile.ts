const MINUTE_MS = 60_000;
/** A Retry-After this long on a message method is Slack's 2025 one-a-minute limit, not a burst limit. */
const NON_MARKETPLACE_RETRY_AFTER_SECONDS = 30;

export type SlackRateProfileName = 'standard' | 'non_marketplace_2025';

/**
 * How hard a connection may call Slack's message methods. `standard`: pages of 200, no pacing (the
 * tier limits are met with short 429s, waited out). `non_marketplace_2025`: what Slack allows apps
 * distributed outside its Marketplace since 2025, one conversations.history / conversations.replies
 * call a minute with at most 15 messages each; a large channel then takes hours, so the calls are paced
 * instead of bounced, and the look-back of incremental syncs is short by default.
 */
export class SlackRateProfile {
  private constructor(
    readonly name: SlackRateProfileName,
    readonly pageLimit: number,
    readonly messageIntervalMs: number,
    readonly lookbackDays: number,
    private readonly configuredLookback: number | null,
    readonly detected: boolean,
  ) {}

  static of(
    name: SlackRateProfileName,
    options: { requestsPerMinute?: number; lookbackDays?: number } = {},
  ): SlackRateProfile {
    const lookback = options.lookbackDays ?? null;
    if (name === 'standard') {
      const interval = options.requestsPerMinute ? MINUTE_MS / options.requestsPerMinute : 0;
      return new SlackRateProfile(name, 200, interval, lookback ?? 7, lookback, false);
    }
    return new SlackRateProfile(name, 15, MINUTE_MS / (options.requestsPerMinute ?? 1), lookback ?? 1, lookback, false);
  }

  /**
   * What a 429 of a message method teaches: never call faster than Slack just asked, and a wait as long
   * as the 2025 limit's means the connection is under it, pages of 15 included.
   */
  afterRateLimit(retryAfterSeconds: number): SlackRateProfile {
    const interval = Math.max(this.messageIntervalMs, retryAfterSeconds * 1000);
    if (this.name === 'standard' && retryAfterSeconds >= NON_MARKETPLACE_RETRY_AFTER_SECONDS) {
      return new SlackRateProfile(
        'non_marketplace_2025',
        15,
        interval,
        this.configuredLookback ?? 1,
        this.configuredLookback,
        true,
      );
    }
    return new SlackRateProfile(
      this.name,
      this.pageLimit,
      interval,
      this.lookbackDays,
      this.configuredLookback,
      this.detected,
    );
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
