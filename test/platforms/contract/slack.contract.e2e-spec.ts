import { SlackConnector } from '@atlas/platforms';
import { ChatMessage, ChatWorkspace, renderMentions } from '../../support/chat-fixture';
import { ANY_METHOD, EMULATOR_TOKEN, SlackEmulator } from '../../support/slack-emulator';
import { describeConnectorContract } from './connector-contract';
import type { ContractConnectorOptions, ContractTarget } from './contract-target';
import { EMULATOR_OUTBOUND_POLICY } from '../../support/outbound-allowances';
import type { TimedCall } from '../../support/timed-calls';

/** The Slack connector (Web API) against the Slack emulator. */
class SlackContractTarget implements ContractTarget {
  readonly name = 'Slack';
  readonly capabilities = {
    authentication: true,
    httpFaults: true,
    // The Web API's history shows no deletions: a deleted message is simply missing.
    incremental: { newMessages: true, repliesInOldThreads: true, edits: true, deletes: false },
    maxPageSize: 200,
  };
  private readonly emulator = new SlackEmulator();
  private readonly ids = new Map<string, string>();

  async start(workspace: ChatWorkspace): Promise<void> {
    await this.emulator.start();
    for (const user of workspace.users) {
      this.emulator.workspace.addUser({
        id: this.userId(user.key),
        name: user.username,
        realName: user.realName,
        displayName: user.displayName,
        isBot: user.isBot,
      });
    }
    for (const channel of workspace.channels) {
      this.emulator.workspace.addChannel({
        id: this.channelId(channel.key),
        name: channel.name,
        created: Math.floor(channel.createdAt.getTime() / 1000),
      });
      for (const message of channel.messages) {
        await this.post(channel.key, message);
        for (const reply of message.replies ?? []) await this.post(channel.key, reply, message.key);
      }
    }
  }

  stop(): Promise<void> {
    return this.emulator.stop();
  }

  connector(options: ContractConnectorOptions = {}): SlackConnector {
    return new SlackConnector(
      {
        connection_id: 'conn_contract',
        platform: 'slack',
        // The fixture dates from March 2026: the look-back must reach it for edits of old messages.
        config: { base_url: this.emulator.url, edit_lookback_days: '3650' },
        credentials: { token: options.invalidCredentials ? 'xoxb-revoked' : EMULATOR_TOKEN },
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
    return `C0${channelKey.toUpperCase()}`;
  }

  unknownChannelId(): string {
    return 'C0MISSING';
  }

  messageId(channelKey: string, messageKey: string): string {
    const id = this.ids.get(`${channelKey}/${messageKey}`);
    if (!id) throw new Error(`No message ${messageKey} in ${channelKey}`);
    return id;
  }

  async post(channelKey: string, message: ChatMessage, threadParentKey?: string): Promise<void> {
    const fixture = {
      user: this.userId(message.author),
      text: renderMentions(message.text, (key) => `<@${this.userId(key)}>`),
      at: message.at,
    };
    const channelId = this.channelId(channelKey);
    const ts = threadParentKey
      ? this.emulator.workspace.reply(channelId, this.messageId(channelKey, threadParentKey), fixture)
      : this.emulator.workspace.post(channelId, fixture);
    this.ids.set(`${channelKey}/${message.key}`, ts);
  }

  async edit(channelKey: string, messageKey: string, text: string, at: Date): Promise<void> {
    this.emulator.workspace.edit(this.channelId(channelKey), this.messageId(channelKey, messageKey), text, at);
  }

  async remove(channelKey: string, messageKey: string): Promise<void> {
    this.emulator.workspace.remove(this.channelId(channelKey), this.messageId(channelKey, messageKey));
  }

  rateLimitNext(times: number, retryAfterSeconds: number | null): void {
    this.emulator.injectFault(ANY_METHOD, { times, status: 429, retryAfterSeconds });
  }

  failNext(times: number, status: number, retryAfterSeconds?: number): void {
    this.emulator.injectFault(ANY_METHOD, { times, status, retryAfterSeconds });
  }

  timedCalls(): TimedCall[] {
    return this.emulator.calls;
  }

  clearCalls(): void {
    this.emulator.clearCalls();
  }

  private userId(key: string): string {
    return `U0${key.toUpperCase()}`;
  }
}

describeConnectorContract(new SlackContractTarget());
