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
import { MattermostApiClient, mattermostServerUrl } from './mattermost-api-client';
import { MattermostChannelWalk } from './mattermost-channel-walk';
import { isMattermostId } from './mattermost-ids';
import { MattermostRatePacer } from './mattermost-rate-pacer';
import type { MattermostChannel } from './mattermost-types';
import { MattermostUserDirectory } from './mattermost-user-directory';

/**
 * A Mattermost server through API v4. `config.base_url` is the server (`https://chat.example.com`),
 * `config.team_id` optionally narrows discovery to one team, `credentials.token` is a personal access
 * token or a bot token.
 */
export class MattermostConnector implements PlatformConnector {
  readonly platform = 'mattermost' as const;
  private readonly api: MattermostApiClient;
  private readonly users: MattermostUserDirectory;
  private readonly teamId: string | null;
  private readonly teamNames = new Map<string, Promise<string | null>>();

  constructor(settings: ConnectionSettings, options: ConnectorOptions) {
    // Mattermost limits a user (or an address) as a whole: one bucket, the server.
    const http = connectorHttpClient(options, { platform: this.platform });
    const pacer = new MattermostRatePacer({
      maxWaitSeconds: options.maxRetryAfterSeconds,
      onWait: (ms) => options.onWait?.(ms, { kind: 'pacing' }),
    });
    const serverUrl = mattermostServerUrl(settings.config.base_url ?? '');
    this.api = new MattermostApiClient(http, pacer, serverUrl, settings.credentials?.token);
    this.users = new MattermostUserDirectory(this.api);
    this.teamId = settings.config.team_id?.trim() || null;
  }

  /** The open and private channels the token's user belongs to, in one team or in all of theirs. */
  async discoverChannels(signal?: AbortSignal): Promise<DiscoveredChannel[]> {
    this.requireServer();
    const teamIds = this.teamId ? [this.teamId] : (await this.api.myTeams(signal)).map((team) => team.id);
    const channels = new Map<string, DiscoveredChannel>();
    for (const teamId of teamIds) {
      for (const channel of await this.api.myChannels(teamId, signal)) {
        // Direct and group messages come with every team's list; they are conversations, not channels.
        if (channel.type !== 'O' && channel.type !== 'P') continue;
        if ((channel.delete_at ?? 0) > 0) continue;
        channels.set(channel.id, toDiscoveredChannel(channel));
      }
    }
    return [...channels.values()];
  }

  async *fetchMessages(request: FetchRequest): AsyncGenerator<FetchedPage> {
    this.requireServer();
    // Ids have one shape; anything else can only be a channel Mattermost does not have.
    if (!isMattermostId(request.channelId)) {
      throw new PlatformError('CHANNEL_NOT_FOUND', `"${request.channelId}" is not a Mattermost channel id`, {
        transient: false,
      });
    }
    // The channel first: a bad token, a missing channel or a refused one fail before any history call.
    const channel = await this.api.channel(request.channelId, request.signal);
    const teamName = await this.teamName(channel.team_id || this.teamId, request.signal);
    const facts = {
      totalMessages: typeof channel.total_msg_count === 'number' ? channel.total_msg_count : null,
      permalinkBase: teamName === null ? null : `${this.api.serverUrl}/${teamName}`,
    };
    yield* new MattermostChannelWalk(this.api, this.users, facts, request).pages();
  }

  /** The team's URL name, for permalinks; null when there is no team or the user may not see it. */
  private teamName(teamId: string | null, signal: AbortSignal): Promise<string | null> {
    if (!teamId) return Promise.resolve(null);
    let name = this.teamNames.get(teamId);
    if (!name) {
      name = this.api.team(teamId, signal).then(
        (team) => team.name || null,
        (error: unknown) => {
          // Permalinks are a convenience: a team hidden from the user leaves them out, nothing more.
          if (error instanceof PlatformError && [403, 404].includes(error.options.httpStatus ?? 0)) return null;
          this.teamNames.delete(teamId);
          throw error;
        },
      );
      this.teamNames.set(teamId, name);
    }
    return name;
  }

  private requireServer(): void {
    if (URL.canParse(this.api.serverUrl) && /^https?:$/.test(new URL(this.api.serverUrl).protocol)) return;
    throw new PlatformError(
      'PLATFORM_ERROR',
      `A Mattermost connection needs config.base_url, the server's http(s) address (got "${this.api.serverUrl}")`,
      { transient: false },
    );
  }
}

function toDiscoveredChannel(channel: MattermostChannel): DiscoveredChannel {
  return {
    channel_id: channel.id,
    name: channel.display_name || channel.name,
    topic: channel.header || channel.purpose || null,
    is_private: channel.type === 'P',
    message_count_hint: typeof channel.total_msg_count === 'number' ? channel.total_msg_count : null,
  };
}
