import type { PlatformConnector } from '@atlas/platforms';
import type { ChatMessage, ChatWorkspace } from '../../support/chat-fixture';
import { ImportWorkspace } from '../../support/import-fixtures/import-workspace';
import { tempDir } from '../../support/temp-dir';
import type { TimedCall } from '../../support/timed-calls';
import type { ContractCapabilities, ContractTarget } from './contract-target';

/**
 * A connector that reads files from the import folder. Its "platform" is the workspace written as an
 * export: every change writes the export again, as a newer one would be. Files have no credentials,
 * no rate limits and no server errors.
 */
export abstract class FileContractTarget implements ContractTarget {
  abstract readonly name: string;
  abstract readonly capabilities: ContractCapabilities;
  protected readonly imports = tempDir('import-contract');
  protected state!: ImportWorkspace;

  abstract connector(): PlatformConnector;
  abstract channelId(channelKey: string): string;
  abstract unknownChannelId(): string;
  abstract messageId(channelKey: string, messageKey: string): string;
  /** Writes the workspace as this format's export into the import folder. */
  protected abstract write(): void;

  async start(workspace: ChatWorkspace): Promise<void> {
    this.state = new ImportWorkspace(workspace);
    this.write();
  }

  async stop(): Promise<void> {
    this.imports.remove();
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
    throw new Error(`${this.name} is a file: it has no rate limits`);
  }

  failNext(): void {
    throw new Error(`${this.name} is a file: it has no server errors`);
  }

  timedCalls(): TimedCall[] {
    return [];
  }

  clearCalls(): void {}
}
