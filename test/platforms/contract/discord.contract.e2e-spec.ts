import { DiscordConnector } from '@atlas/platforms';
import { ChatMessage, ChatWorkspace, renderMentions } from '../../support/chat-fixture';
import { DiscordEmulator, EMULATOR_BOT_TOKEN } from '../../support/discord-emulator';
import { describeConnectorContract } from './connector-contract';
import type { ContractConnectorOptions, ContractTarget } from './contract-target';
import { EMULATOR_OUTBOUND_POLICY } from '../../support/outbound-allowances';
import type { TimedCall } from '../../support/timed-calls';

/**
 * The Discord connector (REST API v10) against the Discord emulator. Fixture replies become a public
 * thread started from their parent message, as Discord's clients make them: the thread channel has
 * the parent's id, and the connector stores its messages as replies to the parent.
 */
class DiscordContractTarget implements ContractTarget {
  readonly name = 'Discord';
  readonly capabilities = {
    authentication: true,
    httpFaults: true,
    // The REST API shows no deletions: a deleted message is simply missing.
    incremental: { newMessages: true, repliesInOldThreads: true, edits: true, deletes: false },
    maxPageSize: 100,
  };
  private readonly emulator = new DiscordEmulator();
  private readonly users = new Map<string, string>();
  private readonly channels = new Map<string, string>();
  private readonly ids = new Map<string, string>();

  async start(workspace: ChatWorkspace): Promise<void> {
    await this.emulator.start();
    for (const user of workspace.users) {
      const id = this.emulator.guild.addUser({
        username: user.username,
        globalName: user.displayName,
        bot: user.isBot,
      });
      this.users.set(user.key, id);
    }
    for (const channel of workspace.channels) {
      this.channels.set(
        channel.key,
        this.emulator.guild.addChannel({ name: channel.name, createdAt: channel.createdAt }),
      );
      for (const message of channel.messages) {
        await this.post(channel.key, message);
        for (const reply of message.replies ?? []) await this.post(channel.key, reply, message.key);
      }
    }
  }

  stop(): Promise<void> {
    return this.emulator.stop();
  }

  connector(options: ContractConnectorOptions = {}): DiscordConnector {
    return new DiscordConnector(
      {
        connection_id: 'conn_contract',
        platform: 'discord',
        // The fixture dates from March 2026: the look-back must reach it for edits of old messages.
        config: { base_url: this.emulator.url, guild_id: this.emulator.guild.id, edit_lookback_days: '3650' },
        credentials: { token: options.invalidCredentials ? 'revoked.bot.token' : EMULATOR_BOT_TOKEN },
      },
      {
        maxRetryAfterSeconds: options.maxRetryAfterSeconds ?? 5,
        retryPolicy: options.retryPolicy,
        importDir: '/nonexistent',
        outboundPolicy: EMULATOR_OUTBOUND_POLICY,
      },
    );
  }

  channelId(channelKey: string): string {
    const id = this.channels.get(channelKey);
    if (!id) throw new Error(`No channel ${channelKey}`);
    return id;
  }

  unknownChannelId(): string {
    return '1199999999999999999';
  }

  messageId(channelKey: string, messageKey: string): string {
    const id = this.ids.get(`${channelKey}/${messageKey}`);
    if (!id) throw new Error(`No message ${messageKey} in ${channelKey}`);
    return id;
  }

  async post(channelKey: string, message: ChatMessage, threadParentKey?: string): Promise<void> {
    const fixture = {
      author: this.userId(message.author),
      content: renderMentions(message.text, (key) => `<@${this.userId(key)}>`),
      at: message.at,
    };
    const channelId = this.channelId(channelKey);
    const id = threadParentKey
      ? this.emulator.guild.reply(channelId, this.messageId(channelKey, threadParentKey), fixture)
      : this.emulator.guild.post(channelId, fixture);
    this.ids.set(`${channelKey}/${message.key}`, id);
  }

  async edit(channelKey: string, messageKey: string, text: string, at: Date): Promise<void> {
    this.emulator.guild.edit(this.channelId(channelKey), this.messageId(channelKey, messageKey), text, at);
  }

  async remove(channelKey: string, messageKey: string): Promise<void> {
    this.emulator.guild.remove(this.channelId(channelKey), this.messageId(channelKey, messageKey));
  }

  /** Discord always names the wait of a 429 (its body's retry_after, and Retry-After). */
  rateLimitNext(times: number, retryAfterSeconds: number | null): void {
    this.emulator.rateLimitNext(times, retryAfterSeconds ?? 0);
  }

  failNext(times: number, status: number, retryAfterSeconds?: number): void {
    this.emulator.failNext(times, status, retryAfterSeconds);
  }

  timedCalls(): TimedCall[] {
    return this.emulator.calls;
  }

  clearCalls(): void {
    this.emulator.clearCalls();
  }

  private userId(key: string): string {
    const id = this.users.get(key);
    if (!id) throw new Error(`No user ${key}`);
    return id;
  }
}

describeConnectorContract(new DiscordContractTarget());
