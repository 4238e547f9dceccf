import { join } from 'node:path';
import { DiscordExportConnector } from '@atlas/platforms';
import { DceIds, writeDceJsonExport } from '../../support/import-fixtures/dce-writer';
import { describeConnectorContract } from './connector-contract';
import { FileContractTarget } from './file-contract-target';

/**
 * A folder of DiscordChatExporter JSON exports, one file per channel. Every change writes the folder
 * again as a newer export: DCE exports hold only the messages still there, so deletions cannot show.
 */
class DiscordExportTarget extends FileContractTarget {
  readonly name = 'DiscordChatExporter JSON export';
  readonly capabilities = {
    authentication: false,
    httpFaults: false,
    incremental: { newMessages: true, repliesInOldThreads: true, edits: true, deletes: false },
    maxPageSize: 100,
  };
  private ids = new DceIds();

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

  override async remove(): Promise<void> {
    throw new Error('DiscordChatExporter exports do not show deletions');
  }

  protected write(): void {
    writeDceJsonExport(join(this.imports.path, 'atlas-crew'), this.state, this.ids);
  }
}

describeConnectorContract(new DiscordExportTarget());
