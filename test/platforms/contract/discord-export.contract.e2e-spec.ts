import { join } from 'node:path';
import { DiscordExportConnector } from '@atlas/platforms';
import type { ChatMessage, ChatWorkspace } from '../../support/chat-fixture';
import { DceIds, writeDceJsonExport } from '../../support/import-fixtures/dce-writer';
import { ImportWorkspace } from '../../support/import-fixtures/import-workspace';
import { tempDir } from '../../support/temp-dir';
import { describeConnectorContract } from './connector-contract';
import type { ContractTarget } from './contract-target';

/**
 * A folder of DiscordChatExporter JSON exports, one file per channel. Every change writes the folder
 * again as a newer export: DCE exports hold only the messages still there, so deletions cannot show.
 */
class DiscordExportTarget implements ContractTarget {
  readonly name = 'DiscordChatExporter JSON export';
  readonly capabilities = {
    authentication: false,
    httpFaults: false,
    incremental: { newMessages: true, repliesInOldThreads: true, edits: true, deletes: false },
    maxPageSize: 100,
  };
  private imports = tempDir('dce-contract');
  private ids = new DceIds();
  private state!: ImportWorkspace;

  async start(workspace: ChatWorkspace): Promise<void> {
    this.state = new ImportWorkspace(workspace);
    this.write();
  }

  async stop(): Promise<void> {
    this.imports.remove();
  }

  connector(): DiscordExportConnector {
    return new DiscordExportConnector(
      { connection_id: 'conn_contract', platform: 'discord_export', config: { path: 'atlas-crew' }, credentials: null },
      { maxRetryAfterSeconds: 5, importDir: this.imports.path },
    );
  }

  channelId(channelKey: string): string {
    return this.ids.channel(channelKey);
  }

  unknownChannelId(): string {
    return '1999999999999999999';
  }

  messageId(channelKey: string, messageKey: string): string {
    return this.ids.message(channelKey, this.state.message(channelKey, messageKey));
  }

  async post(channelKey: string, message: ChatMessage, threadParentKey?: string): Promise<void> {
    this.state.post(channelKey, message, threadParentKey);
    this.write();
  }

  async edit(channelKey: string, messageKey: string, text: string, at: Date): Promise<void> {
    this.state.edit(channelKey, messageKey, text, at);
    this.write();
  }

  async remove(): Promise<void> {
    throw new Error('DiscordChatExporter exports do not show deletions');
  }

  rateLimitNext(): void {
    throw new Error('An export is a file: it has no rate limits');
  }

  failNext(): void {
    throw new Error('An export is a file: it has no server errors');
  }

  private write(): void {
    writeDceJsonExport(join(this.imports.path, 'atlas-crew'), this.state, this.ids);
  }
}

describeConnectorContract(new DiscordExportTarget());
