import type { ConnectorOptions, PlatformConnector } from '@atlas/platforms';
import type { ChatMessage, ChatWorkspace } from '../../support/chat-fixture';
import type { TimedCall } from '../../support/timed-calls';

/** What a platform offers, so the contract asks each connector only what its platform can do. */
export interface ContractCapabilities {
  /** The platform checks credentials (API connectors); file imports have none. */
  authentication: boolean;
  /** The platform is reached over HTTP: it can answer 429 with a wait, and 5xx (a 503 may name a wait too). */
  httpFaults: boolean;
  /** The platform documents 429s that name no wait (Microsoft Graph: back off exponentially then). */
  unhintedRateLimits?: boolean;
  /** What an incremental fetch (since = the previous fetch's cursor) picks up. */
  incremental: {
    newMessages: boolean;
    repliesInOldThreads: boolean;
    edits: boolean;
    deletes: boolean;
  };
  /** The most messages one page holds (the platform's page limit, or the connector's page size). */
  maxPageSize: number;
}

/**
 * One connector under the contract, with the emulator (or export file) it reads from. The contract
 * drives it only through this interface, so every connector answers the same questions.
 */
export interface ContractTarget {
  readonly name: string;
  readonly capabilities: ContractCapabilities;
  /** Starts the emulator loaded with the workspace (or writes the export file). */
  start(workspace: ChatWorkspace): Promise<void>;
  stop(): Promise<void>;
  /** A fresh connector, as a new process would build it. */
  connector(options?: ContractConnectorOptions): PlatformConnector;
  /** The platform id of a fixture channel, and one the platform does not know. */
  channelId(channelKey: string): string;
  unknownChannelId(): string;
  /** The platform id of a fixture message (known once it was started or posted). */
  messageId(channelKey: string, messageKey: string): string;
  /**
   * Changes after a first sync, as people make them. Only those the capabilities declare are called;
   * a file target writes a new export that holds them.
   */
  post(channelKey: string, message: ChatMessage, threadParentKey?: string): Promise<void>;
  edit(channelKey: string, messageKey: string, text: string, at: Date): Promise<void>;
  remove(channelKey: string, messageKey: string, at: Date): Promise<void>;
  /**
   * The next `times` requests answer 429 asking to wait this long (seconds), as the platform says it;
   * null: naming no wait (unhintedRateLimits targets). httpFaults targets only.
   */
  rateLimitNext(times: number, retryAfterSeconds: number | null): void;
  /** The next `times` requests answer this 5xx status, with a Retry-After when given. httpFaults targets only. */
  failNext(times: number, status: number, retryAfterSeconds?: number): void;
  /** The calls the platform received since the last clearCalls(), with their times (httpFaults targets). */
  timedCalls(): TimedCall[];
  clearCalls(): void;
}

export interface ContractConnectorOptions {
  invalidCredentials?: boolean;
  maxRetryAfterSeconds?: number;
  retryPolicy?: ConnectorOptions['retryPolicy'];
}
