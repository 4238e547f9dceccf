import { join } from 'node:path';
import { SlackExportConnector } from '@atlas/platforms';
import type { ChatMessage, ChatWorkspace } from '../../support/chat-fixture';
import { ImportWorkspace } from '../../support/import-fixtures/import-workspace';
import { slackExportIds, writeSlackExportWorkspace } from '../../support/import-fixtures/slack-export-writer';
import { tempDir } from '../../support/temp-dir';
import { describeConnectorContract } from './connector-contract';
import type { ContractTarget } from './contract-target';

/** A Slack export folder in a temporary import folder; every change writes the export again, as a newer one. */
class SlackExportTarget implements ContractTarget {
  readonly name = 'Slack export';
  readonly capabilities = {
    authentication: false,
    httpFaults: false,
    incremental: { newMessages: true, repliesInOldThreads: true, edits: true, deletes: true },
    maxPageSize: 500,
  };
  private imports = tempDir('slack-export-contract');
  private state!: ImportWorkspace;

  async start(workspace: ChatWorkspace): Promise<void> {
    this.state = new ImportWorkspace(workspace);
    this.write();
  }

  async stop(): Promise<void> {
    this.imports.remove();
  }

  connector(): SlackExportConnector {
    return new SlackExportConnector(
      { connection_id: 'conn_contract', platform: 'slack_export', config: { path: 'acme' }, credentials: null },
      { maxRetryAfterSeconds: 5, importDir: this.imports.path },
    );
  }

  channelId(channelKey: string): string {
    return slackExportIds.channel(channelKey);
  }

  unknownChannelId(): string {
    return 'C0NOSUCHCHANNEL';
  }

  messageId(channelKey: string, messageKey: string): string {
    return slackExportIds.ts(this.state.message(channelKey, messageKey).at);
  }

  async post(channelKey: string, message: ChatMessage, threadParentKey?: string): Promise<void> {
    this.state.post(channelKey, message, threadParentKey);
    this.write();
  }

  async edit(channelKey: string, messageKey: string, text: string, at: Date): Promise<void> {
    this.state.edit(channelKey, messageKey, text, at);
    this.write();
  }

  async remove(channelKey: string, messageKey: string, at: Date): Promise<void> {
    this.state.remove(channelKey, messageKey, at);
    this.write();
  }

  rateLimitNext(): void {
    throw new Error('A Slack export is a file: it has no rate limits');
  }

  failNext(): void {
    throw new Error('A Slack export is a file: it has no server errors');
  }

  private write(): void {
    writeSlackExportWorkspace(join(this.imports.path, 'acme'), this.state);
  }
}

describeConnectorContract(new SlackExportTarget());
