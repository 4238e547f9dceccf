import type {
  ConnectionSettings,
  ConnectorOptions,
  DiscoveredChannel,
  FetchedPage,
  FetchRequest,
  PlatformConnector,
} from '../connector';
import { connectorHttpClient, PlatformHttpClient } from '../http/platform-http-client';
import { nextCursor, SLACK_API_ROOT, SlackApiClient, slackMethod } from './slack-api-client';
import { SlackChannelWalk } from './slack-channel-walk';
import { decodeSlackCursor, msToTs } from './slack-cursor';
import { SlackFetchWindow } from './slack-fetch-window';
import { workspaceOrigin } from './slack-permalink';
import { SlackRateProfile, slackRateProfile } from './slack-rate-profile';
import type { SlackChannel } from './slack-types';
import { SlackUserDirectory } from './slack-user-directory';

/**
 * Pages the walk may fetch ahead of the one it hands out: the next history page and the threads after
 * the current one go out while a page is published, each method within its own bucket's pace.
 */
const PAGES_AHEAD = 8;

/**
 * A Slack workspace through the Web API. `config.base_url` points it at another API root (a test
 * emulator); `credentials.token` is the bot or user token. `config.rate_profile` declares Slack's 2025
 * limits for apps outside the Marketplace (`non_marketplace_2025`); a connection that meets them
 * without declaring them is switched to them when message methods get long 429s repeatedly.
 */
export class SlackConnector implements PlatformConnector {
  readonly platform = 'slack' as const;
  private readonly api: SlackApiClient;
  private readonly users: SlackUserDirectory;
  private readonly http: PlatformHttpClient;
  private readonly profile: SlackRateProfile;
  private origin: Promise<string> | null = null;

  constructor(
    private readonly settings: ConnectionSettings,
    options: ConnectorOptions,
  ) {
    this.profile = slackRateProfile(settings.config);
    this.http = connectorHttpClient(options, {
      platform: this.platform,
      bucketOf: (request) => this.profile.bucketOf(slackMethod(request)),
      tierOf: (bucket) => this.profile.tierOf(bucket),
      onRateLimited: (request, retryAfterSeconds) =>
        this.profile.afterRateLimit(slackMethod(request), retryAfterSeconds),
    });
    this.api = new SlackApiClient(this.http, settings.config.base_url || SLACK_API_ROOT, settings.credentials?.token);
    this.users = new SlackUserDirectory(this.api);
  }

  /** The rate profile in force: the configured one, or the 2025 one once Slack showed it applies. */
  get rateProfile(): SlackRateProfile {
    return this.profile;
  }

  /** Calls a minute a method is paced to so far (null: unpaced, Slack has not throttled it). */
  pace(method: string): number | null {
    return this.http.pace(this.profile.bucketOf(method));
  }

  async discoverChannels(signal?: AbortSignal): Promise<DiscoveredChannel[]> {
    const channels: DiscoveredChannel[] = [];
    let cursor: string | null = null;
    do {
      const page = await this.api.conversationsList(cursor, signal);
      channels.push(...page.channels.map(toDiscoveredChannel));
      cursor = nextCursor(page);
    } while (cursor !== null);
    return channels;
  }

  async *fetchMessages(request: FetchRequest): AsyncGenerator<FetchedPage> {
    // auth.test first: a bad token fails before any history call, and it names the workspace for permalinks.
    const origin = await this.workspaceOrigin(request.signal);
    const previous = request.since === null ? null : decodeSlackCursor(request.since);
    // A resumed fetch keeps the cursor it had reached, and with it the time the fetch began.
    const reached = request.resume?.cursor ? decodeSlackCursor(request.resume.cursor) : null;
    const fetchedAt = reached?.fetchedAt ?? msToTs(Date.now());
    const window = previous
      ? SlackFetchWindow.since(previous, this.profile.lookbackDays, Number(fetchedAt) * 1000)
      : SlackFetchWindow.full();
    const originMs = window.historyOldest
      ? Number(window.historyOldest) * 1000
      : await this.channelCreatedMs(request.channelId, request.signal);
    const walk = new SlackChannelWalk(this.api, this.users, origin, request, {
      window,
      pageLimit: () => this.profile.pageLimit,
      // Under the 2025 limits a page a minute is all there is: nothing to gain by asking ahead.
      lookahead: () => (this.profile.name === 'standard' ? PAGES_AHEAD : 0),
      newest: reached?.newest ?? previous?.newest ?? null,
      fetchedAt,
      originMs,
    });
    yield* walk.pages();
  }

  private async channelCreatedMs(channelId: string, signal: AbortSignal): Promise<number | null> {
    const { channel } = await this.api.conversationsInfo(channelId, signal);
    return typeof channel.created === 'number' ? channel.created * 1000 : null;
  }

  private workspaceOrigin(signal: AbortSignal): Promise<string> {
    this.origin ??= this.api.authTest(signal).then(
      (auth) => workspaceOrigin(auth.url),
      (error: unknown) => {
        this.origin = null;
        throw error;
      },
    );
    return this.origin;
  }
}

function toDiscoveredChannel(channel: SlackChannel): DiscoveredChannel {
  return {
    channel_id: channel.id,
    name: channel.name,
    topic: channel.topic?.value || channel.purpose?.value || null,
    is_private: channel.is_private === true,
    message_count_hint: null,
  };
}
