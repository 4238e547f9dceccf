import { join } from 'node:path';
import { SlackExportConnector } from '@atlas/platforms';
import { slackExportIds, writeSlackExportWorkspace } from '../../support/import-fixtures/slack-export-writer';
import { describeConnectorContract } from './connector-contract';
import { FileContractTarget } from './file-contract-target';

/** A Slack export folder in a temporary import folder; every change writes the export again, as a newer one. */
class SlackExportTarget extends FileContractTarget {
  readonly name = 'Slack export';
  readonly capabilities = {
    authentication: false,
    httpFaults: false,
    incremental: { newMessages: true, repliesInOldThreads: true, edits: true, deletes: true },
    maxPageSize: 500,
  };

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

  protected write(): void {
    writeSlackExportWorkspace(join(this.imports.path, 'acme'), this.state);
  }
}

describeConnectorContract(new SlackExportTarget());
