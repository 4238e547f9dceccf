import type {
  ConnectionSettings,
  ConnectorOptions,
  DiscoveredChannel,
  FetchedPage,
  FetchRequest,
  PlatformConnector,
} from '../connector';
import { connectorHttpClient } from '../http/platform-http-client';
import { PlatformError } from '../platform-error';
import { DISCORD_API_ROOT, DiscordApiClient } from './discord-api-client';
import { DiscordChannelWalk } from './discord-channel-walk';
import { DiscordCursorBuilder, decodeDiscordCursor } from './discord-cursor';
import { DEFAULT_EDIT_LOOKBACK_DAYS, DiscordFetchWindow } from './discord-fetch-window';
import { DiscordGuildNames } from './discord-guild-names';
import { decodeDiscordPageToken, DiscordPageToken } from './discord-page-token';
import { discordBucket, DiscordRateLimits } from './discord-rate-limits';
import { DiscordThreadDirectory, THREADED_CHANNEL_TYPES } from './discord-thread-directory';
import { CHANNEL_TYPE, DiscordChannel } from './discord-types';

/** Channel types discovery offers: text and announcement channels. */
const SYNCED_CHANNEL_TYPES: ReadonlySet<number> = new Set([CHANNEL_TYPE.GUILD_TEXT, CHANNEL_TYPE.GUILD_ANNOUNCEMENT]);
/** VIEW_CHANNEL: a channel that denies it to @everyone is one only some members see. */
const VIEW_CHANNEL = 1n << 10n;

/**
 * A Discord guild through the REST API v10, as a bot. `config.guild_id` names the guild (discovery
 * lists its text channels), `config.base_url` points it at another API root (a test emulator),
 * `config.edit_lookback_days` sets how far back incremental fetches look for edits (default 14);
 * `credentials.token` is the bot token.
 */
export class DiscordConnector implements PlatformConnector {
  readonly platform = 'discord' as const;
  private readonly api: DiscordApiClient;
  private readonly names: DiscordGuildNames;
  private readonly guildId: string | undefined;
  private readonly lookbackDays: number;

  constructor(settings: ConnectionSettings, options: ConnectorOptions) {
    const root = settings.config.base_url || DISCORD_API_ROOT;
    const http = connectorHttpClient(options, {
      platform: this.platform,
      bucketOf: (request) => discordBucket(root, request),
    });
    const limits = new DiscordRateLimits((ms) => options.onWait?.(ms, { kind: 'pacing' }));
    this.api = new DiscordApiClient(http, root, settings.credentials?.token, limits);
    this.guildId = settings.config.guild_id || undefined;
    this.names = new DiscordGuildNames(this.api, this.guildId);
    const lookback = Number(settings.config.edit_lookback_days);
    this.lookbackDays = Number.isFinite(lookback) && lookback > 0 ? lookback : DEFAULT_EDIT_LOOKBACK_DAYS;
  }

  async discoverChannels(signal?: AbortSignal): Promise<DiscoveredChannel[]> {
    if (!this.guildId) {
      throw new PlatformError('PLATFORM_ERROR', 'A Discord connection needs config.guild_id to list channels', {
        transient: false,
      });
    }
    const channels = await this.api.guildChannels(this.guildId, signal);
    this.names.remember(channels);
    return channels
      .filter((channel) => SYNCED_CHANNEL_TYPES.has(channel.type))
      .map((channel) => toDiscoveredChannel(channel, this.guildId!));
  }

  async *fetchMessages(request: FetchRequest): AsyncGenerator<FetchedPage> {
    const { signal } = request;
    // The channel first: an unknown channel or a refused token fails before anything else is read,
    // and the answer's Date is the server's clock, which the fetch measures changes by.
    const { channel, serverTimeMs } = await this.api.channel(request.channelId, signal);
    const token = request.resume?.token ? decodeDiscordPageToken(request.resume.token) : null;
    const cursor = this.cursorSoFar(request, token, serverTimeMs);
    const previous = request.since ? decodeDiscordCursor(request.since) : null;
    const window = previous
      ? DiscordFetchWindow.since(previous, cursor.at, this.lookbackDays)
      : DiscordFetchWindow.full(cursor.at);
    const guildId = channel.guild_id ?? this.guildId;
    const directory =
      guildId && THREADED_CHANNEL_TYPES.has(channel.type)
        ? await DiscordThreadDirectory.load(
            this.api,
            { guildId, channelId: channel.id, archivedSinceMs: window.archivedSinceMs },
            signal,
          )
        : DiscordThreadDirectory.empty();
    this.names.remember([channel, ...directory.threads]);
    yield* new DiscordChannelWalk(this.api, this.names, request, {
      channel,
      guildId,
      window,
      directory,
      threads: directory.filter((thread) => window.walksThread(thread)),
      cursor,
      start: token?.position ?? null,
      skip: request.resume?.skip ?? 0,
    }).pages();
  }

  /**
   * The cursor this fetch builds. A resumed fetch keeps the start time and the messages read of the
   * attempt it continues (its resume cursor is the one that attempt wrote, not the previous fetch's).
   */
  private cursorSoFar(
    request: FetchRequest,
    token: DiscordPageToken | null,
    serverTimeMs: number,
  ): DiscordCursorBuilder {
    const written = request.resume?.cursor;
    const reached = written && written !== request.since ? decodeDiscordCursor(written) : null;
    const at = token?.at ?? reached?.at ?? serverTimeMs;
    return new DiscordCursorBuilder(at, reached?.at === at ? reached.seen : []);
  }
}

function toDiscoveredChannel(channel: DiscordChannel, guildId: string): DiscoveredChannel {
  const everyone = channel.permission_overwrites?.find((overwrite) => overwrite.id === guildId && overwrite.type === 0);
  const hidden = everyone !== undefined && (BigInt(everyone.deny || '0') & VIEW_CHANNEL) !== 0n;
  return {
    channel_id: channel.id,
    name: channel.name ?? channel.id,
    topic: channel.topic || null,
    is_private: hidden,
    message_count_hint: null,
  };
}
