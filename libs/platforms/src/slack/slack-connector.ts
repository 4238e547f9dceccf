import type {
  ConnectionSettings,
  ConnectorOptions,
  DiscoveredChannel,
  FetchedPage,
  FetchRequest,
  PlatformConnector,
} from '../connector';
import { PlatformHttpClient } from '../http/platform-http-client';
import { nextCursor, SLACK_API_ROOT, SlackApiClient } from './slack-api-client';
import { SlackChannelWalk } from './slack-channel-walk';
import { workspaceOrigin } from './slack-permalink';
import type { SlackChannel } from './slack-types';
import { SlackUserDirectory } from './slack-user-directory';

/**
 * A Slack workspace through the Web API. `config.base_url` points it at another API root (a test
 * emulator); `credentials.token` is the bot or user token.
 */
export class SlackConnector implements PlatformConnector {
  readonly platform = 'slack' as const;
  private readonly api: SlackApiClient;
  private readonly users: SlackUserDirectory;
  private origin: Promise<string> | null = null;

  constructor(settings: ConnectionSettings, options: ConnectorOptions) {
    const http = new PlatformHttpClient({ maxRetryAfterSeconds: options.maxRetryAfterSeconds, onWait: options.onWait });
    this.api = new SlackApiClient(http, settings.config.base_url || SLACK_API_ROOT, settings.credentials?.token);
    this.users = new SlackUserDirectory(this.api);
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
    yield* new SlackChannelWalk(this.api, this.users, origin, request).pages();
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
