import type { ChatMessage, ChatWorkspace } from '../../support/chat-fixture';
import {
  EMULATED_APP,
  GraphEmulator,
  GraphFixtureIds,
  loadChatWorkspace,
  postFixtureMessage,
  teamsConnector,
  teamsHtml,
} from '../../support/graph-emulator';
import { describeConnectorContract } from './connector-contract';
import type { ContractConnectorOptions, ContractTarget } from './contract-target';
import type { TimedCall } from '../../support/timed-calls';

/** The Teams connector against the Graph emulator, authenticating with the client-credentials flow. */
class TeamsContractTarget implements ContractTarget {
  readonly name = 'Microsoft Teams';
  readonly capabilities = {
    authentication: true,
    httpFaults: true,
    unhintedRateLimits: true,
    incremental: { newMessages: true, repliesInOldThreads: true, edits: true, deletes: true },
    maxPageSize: 50,
  };
  private emulator = new GraphEmulator();
  private workspace: ChatWorkspace | null = null;
  private ids: GraphFixtureIds | null = null;

  async start(workspace: ChatWorkspace): Promise<void> {
    await this.emulator.start();
    this.workspace = workspace;
    this.ids = loadChatWorkspace(this.emulator.store, workspace);
  }

  stop(): Promise<void> {
    return this.emulator.stop();
  }

  connector(options: ContractConnectorOptions = {}) {
    return teamsConnector(
      this.emulator,
      {
        ...(options.maxRetryAfterSeconds === undefined ? {} : { maxRetryAfterSeconds: options.maxRetryAfterSeconds }),
        retryPolicy: options.retryPolicy,
      },
      options.invalidCredentials ? { clientSecret: `${EMULATED_APP.clientSecret}-revoked` } : {},
    );
  }

  channelId(channelKey: string): string {
    return this.fixtureIds().channelId(channelKey);
  }

  unknownChannelId(): string {
    return '19:00000000000000000000000000000000@thread.tacv2';
  }

  messageId(channelKey: string, messageKey: string): string {
    return this.fixtureIds().messageId(channelKey, messageKey);
  }

  async post(channelKey: string, message: ChatMessage, threadParentKey?: string): Promise<void> {
    postFixtureMessage(this.emulator.store, this.fixtureIds(), this.workspace!, channelKey, message, threadParentKey);
    await Promise.resolve();
  }

  async edit(channelKey: string, messageKey: string, text: string, at: Date): Promise<void> {
    const { content, mentions } = teamsHtml(text, this.workspace!, this.fixtureIds());
    this.emulator.store.edit(this.channelId(channelKey), this.messageId(channelKey, messageKey), content, at, mentions);
    await Promise.resolve();
  }

  async remove(channelKey: string, messageKey: string, at: Date): Promise<void> {
    this.emulator.store.softDelete(this.channelId(channelKey), this.messageId(channelKey, messageKey), at);
    await Promise.resolve();
  }

  rateLimitNext(times: number, retryAfterSeconds: number | null): void {
    this.emulator.rateLimitNext(times, retryAfterSeconds);
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

  private fixtureIds(): GraphFixtureIds {
    if (!this.ids) throw new Error('The Teams contract target is not started');
    return this.ids;
  }
}

describeConnectorContract(new TeamsContractTarget());
