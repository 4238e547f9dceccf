import { join } from 'node:path';
import { GenericImportConnector } from '@atlas/platforms';
import type { ChatMessage, ChatWorkspace } from '../../support/chat-fixture';
import { GENERIC_MAPPING, genericIds, writeGenericImport } from '../../support/import-fixtures/generic-writer';
import { ImportWorkspace } from '../../support/import-fixtures/import-workspace';
import { tempDir } from '../../support/temp-dir';
import { describeConnectorContract } from './connector-contract';
import type { ContractTarget } from './contract-target';

/** One CSV or JSONL file holding both channels (a `room` column); every change writes it again. */
class GenericImportTarget implements ContractTarget {
  readonly name: string;
  readonly capabilities = {
    authentication: false,
    httpFaults: false,
    incremental: { newMessages: true, repliesInOldThreads: true, edits: true, deletes: true },
    maxPageSize: 100,
  };
  private imports = tempDir('generic-contract');
  private state!: ImportWorkspace;

  constructor(private readonly format: 'csv' | 'jsonl') {
    this.name = `Generic ${format.toUpperCase()} import`;
  }

  async start(workspace: ChatWorkspace): Promise<void> {
    this.state = new ImportWorkspace(workspace);
    this.write();
  }

  async stop(): Promise<void> {
    this.imports.remove();
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
    throw new Error('An import is a file: it has no rate limits');
  }

  failNext(): void {
    throw new Error('An import is a file: it has no server errors');
  }

  private write(): void {
    writeGenericImport(join(this.imports.path, `messages.${this.format}`), this.state, this.format);
  }
}

describeConnectorContract(new GenericImportTarget('csv'));
describeConnectorContract(new GenericImportTarget('jsonl'));
