import { join } from 'node:path';
import { GenericImportConnector } from '@atlas/platforms';
import { GENERIC_MAPPING, genericIds, writeGenericImport } from '../../support/import-fixtures/generic-writer';
import { describeConnectorContract } from './connector-contract';
import { FileContractTarget } from './file-contract-target';

/** One CSV or JSONL file holding both channels (a `room` column); every change writes it again. */
class GenericImportTarget extends FileContractTarget {
  readonly name: string;
  readonly capabilities = {
    authentication: false,
    httpFaults: false,
    incremental: { newMessages: true, repliesInOldThreads: true, edits: true, deletes: true },
    maxPageSize: 100,
  };

  constructor(private readonly format: 'csv' | 'jsonl') {
    super();
    this.name = `Generic ${format.toUpperCase()} import`;
  }

  connector(): GenericImportConnector {
    return new GenericImportConnector(
      {
        connection_id: 'conn_contract',
        platform: 'generic_import',
        config: { path: `messages.${this.format}`, mapping: JSON.stringify(GENERIC_MAPPING) },
        credentials: null,
      },
      { maxRetryAfterSeconds: 5, importDir: this.imports.path },
    );
  }

  channelId(channelKey: string): string {
    return this.state.channel(channelKey).name;
  }

  unknownChannelId(): string {
    return 'no-such-room';
  }

  messageId(channelKey: string, messageKey: string): string {
    return genericIds.message(channelKey, messageKey);
  }

  protected write(): void {
    writeGenericImport(join(this.imports.path, `messages.${this.format}`), this.state, this.format);
  }
}

describeConnectorContract(new GenericImportTarget('csv'));
describeConnectorContract(new GenericImportTarget('jsonl'));
