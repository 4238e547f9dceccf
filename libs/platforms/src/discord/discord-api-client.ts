import type { PlatformHttpClient } from '../http/platform-http-client';
import { PlatformError } from '../platform-error';
import { DISCORD_ERROR, discordApiError } from './discord-error-mapping';
import { DiscordRateLimits, discordRoute } from './discord-rate-limits';
import type { DiscordChannel, DiscordErrorBody, DiscordMessage, DiscordRole, DiscordThreadList } from './discord-types';

export const DISCORD_API_ROOT = 'https://discord.com/api/v10';
/** The most messages (and archived threads) Discord returns per call. */
export const DISCORD_PAGE_LIMIT = 100;

type Query = Record<string, string | number | null | undefined>;

/** Exactly one of them: Discord pages history either back from `before` or forward from `after`. */
export type MessagesQuery = { before: string } | { after: string };

/** The Discord REST routes the connector reads, with error bodies turned into PlatformErrors. */
export class DiscordApiClient {
  private readonly root: string;
  private readonly authorization: string | undefined;

  constructor(
    private readonly http: PlatformHttpClient,
    root: string,
    token: string | undefined,
    private readonly limits: DiscordRateLimits,
  ) {
    this.root = root.replace(/\/+$/, '');
    // People paste the token with its scheme as often as without.
    const bare = token?.replace(/^Bot\s+/i, '').trim();
    this.authorization = bare ? `Bot ${bare}` : undefined;
  }

  /** The channel, and the server's clock when it answered (ms), which fetches measure changes by. */
  async channel(channelId: string, signal?: AbortSignal): Promise<{ channel: DiscordChannel; serverTimeMs: number }> {
    const { body, headers } = await this.get<DiscordChannel>(`/channels/${channelId}`, {}, signal);
    const date = Date.parse(headers.get('date') ?? '');
    return { channel: body, serverTimeMs: Number.isNaN(date) ? Date.now() : date };
  }

  async guildChannels(guildId: string, signal?: AbortSignal): Promise<DiscordChannel[]> {
    return (await this.get<DiscordChannel[]>(`/guilds/${guildId}/channels`, {}, signal)).body;
  }

  async guildRoles(guildId: string, signal?: AbortSignal): Promise<DiscordRole[]> {
    return (await this.get<DiscordRole[]>(`/guilds/${guildId}/roles`, {}, signal)).body;
  }

  /** Up to 100 messages; Discord answers newest first whether paging with `before` or `after`. */
  async messages(channelId: string, query: MessagesQuery, signal?: AbortSignal): Promise<DiscordMessage[]> {
    const params = { limit: DISCORD_PAGE_LIMIT, ...query };
    return (await this.get<DiscordMessage[]>(`/channels/${channelId}/messages`, params, signal)).body;
  }

  /** One message, or null when Discord no longer has it. */
  async message(channelId: string, messageId: string, signal?: AbortSignal): Promise<DiscordMessage | null> {
    try {
      return (await this.get<DiscordMessage>(`/channels/${channelId}/messages/${messageId}`, {}, signal)).body;
    } catch (error) {
      if (error instanceof PlatformError && error.options.platformCode === String(DISCORD_ERROR.UNKNOWN_MESSAGE)) {
        return null;
      }
      throw error;
    }
  }

  /** Every active thread of the guild the bot can see (v10 lists them per guild only). */
  async activeThreads(guildId: string, signal?: AbortSignal): Promise<DiscordThreadList> {
    return (await this.get<DiscordThreadList>(`/guilds/${guildId}/threads/active`, {}, signal)).body;
  }

  /** Public archived threads of a channel, most recently archived first, archived before `before` (ISO). */
  async archivedPublicThreads(
    channelId: string,
    before: string | null,
    signal?: AbortSignal,
  ): Promise<DiscordThreadList> {
    const params = { limit: DISCORD_PAGE_LIMIT, before };
    return (await this.get<DiscordThreadList>(`/channels/${channelId}/threads/archived/public`, params, signal)).body;
  }

  private async get<T>(path: string, query: Query, signal?: AbortSignal): Promise<{ body: T; headers: Headers }> {
    const url = new URL(`${this.root}${path}`);
    for (const [name, value] of Object.entries(query)) {
      if (value !== undefined && value !== null) url.searchParams.set(name, String(value));
    }
    const route = discordRoute('GET', path);
    await this.limits.waitForTurn(route, signal);
    const headers: Record<string, string> = { accept: 'application/json' };
    if (this.authorization) headers.authorization = this.authorization;
    const response = await this.http.send({ url: url.toString(), headers, signal });
    this.limits.record(route, response.headers);

    const body = parseJson(response.body);
    if (response.status >= 200 && response.status < 300) {
      if (body === undefined) {
        throw new PlatformError('PLATFORM_ERROR', `Discord GET ${path} answered without a JSON body`, {
          transient: false,
          httpStatus: response.status,
        });
      }
      return { body: body as T, headers: response.headers };
    }
    throw discordApiError(`GET ${path}`, response.status, isErrorBody(body) ? body : undefined);
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function isErrorBody(value: unknown): value is DiscordErrorBody {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
