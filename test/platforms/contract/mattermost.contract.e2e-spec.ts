import { MattermostConnector } from '@atlas/platforms';
import type { ChatMessage, ChatWorkspace } from '../../support/chat-fixture';
import { ChatWorkspaceOnMattermost, EMULATOR_TOKEN, MattermostEmulator } from '../../support/mattermost-emulator';
import { describeConnectorContract } from './connector-contract';
import type { ContractConnectorOptions, ContractTarget } from './contract-target';
import { EMULATOR_OUTBOUND_POLICY } from '../../support/outbound-allowances';
import type { TimedCall } from '../../support/timed-calls';

/** The Mattermost connector (API v4) against the Mattermost emulator. */
class MattermostContractTarget implements ContractTarget {
  readonly name = 'Mattermost';
  readonly capabilities = {
    authentication: true,
    httpFaults: true,
    // `since` lists every post created, edited or deleted after a time, deleted ones included.
    incremental: { newMessages: true, repliesInOldThreads: true, edits: true, deletes: true },
    maxPageSize: 200,
  };
  private readonly emulator = new MattermostEmulator();
  private readonly fixture = new ChatWorkspaceOnMattermost(this.emulator);

  async start(workspace: ChatWorkspace): Promise<void> {
    await this.emulator.start();
    this.fixture.load(workspace);
  }

  stop(): Promise<void> {
    return this.emulator.stop();
  }

  connector(options: ContractConnectorOptions = {}): MattermostConnector {
    return new MattermostConnector(
      {
        connection_id: 'conn_contract',
        platform: 'mattermost',
        config: { base_url: this.emulator.url },
        credentials: { token: options.invalidCredentials ? 'revokedtokenrevokedtoken00' : EMULATOR_TOKEN },
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
    return this.fixture.channelId(channelKey);
  }

  unknownChannelId(): string {
    // Well formed, so that the server, not the connector, tells it is missing.
    return this.emulator.workspace.newId();
  }

  messageId(channelKey: string, messageKey: string): string {
    return this.fixture.postId(channelKey, messageKey);
  }

  async post(channelKey: string, message: ChatMessage, threadParentKey?: string): Promise<void> {
    this.fixture.post(channelKey, message, threadParentKey);
  }

  async edit(channelKey: string, messageKey: string, text: string, at: Date): Promise<void> {
    this.fixture.edit(channelKey, messageKey, text, at);
  }

  async remove(channelKey: string, messageKey: string, at: Date): Promise<void> {
    this.fixture.remove(channelKey, messageKey, at);
  }

  /** Mattermost's limiter always sends Retry-After with its 429. */
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
}

describeConnectorContract(new MattermostContractTarget());
