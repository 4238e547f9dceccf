import type { NormalizedMessage, Platform } from '@atlas/events';
import type { OutboundUrlPolicy } from '@atlas/outbound';
import type { PlatformWait, RetryTuning } from './http/platform-http-client';

export interface DiscoveredChannel {
  channel_id: string;
  name: string;
  topic: string | null;
  is_private: boolean;
  /** Message count when the platform can tell it cheaply (an export can), otherwise null. */
  message_count_hint: number | null;
}

/** Where to continue a fetch that was interrupted: the state saved with the last published batch. */
export interface ResumePoint {
  /** Page token of the page to fetch next (null: the first page). */
  token: string | null;
  /** Messages of that page that were already published and must be skipped. */
  skip: number;
  /** The channel cursor reached so far. */
  cursor: string | null;
}

export interface FetchRequest {
  channelId: string;
  /** The channel's sync cursor: only messages newer than it are fetched. Null fetches the whole history. */
  since: string | null;
  resume: ResumePoint | null;
  signal: AbortSignal;
}

export interface FetchedPage {
  messages: NormalizedMessage[];
  /** Token that fetches the page after this one; null when this is the last page. */
  nextToken: string | null;
  /** The channel cursor once this page is stored (opaque to everyone but the connector). */
  cursor: string | null;
  /**
   * The connector's estimate of how many messages this call of fetchMessages yields in all (from its
   * resume point on), when it can tell: a count the platform gives, or the share of the channel's time
   * span walked so far. It feeds the job's progress and estimated completion.
   */
  estimatedTotal?: number | null;
}

/**
 * One platform (Slack, a Slack export, ...). A connector streams a channel's history page by page, so
 * memory stays bounded whatever the channel's size, and maps every platform failure to a PlatformError.
 */
export interface PlatformConnector {
  readonly platform: Platform;
  discoverChannels(signal?: AbortSignal): Promise<DiscoveredChannel[]>;
  fetchMessages(request: FetchRequest): AsyncIterable<FetchedPage>;
  /**
   * For a connector whose permalinks come from the connection's settings alone (a Slack export's
   * `workspace_url`): how every permalink of the channel begins with the current settings, or null when
   * they give none. Messages stored under other settings have other permalinks, and a sync fetches
   * the whole history again to give them the current ones.
   */
  permalinkBase?(channelId: string): string | null;
}

/** What a connector is built from: the connection's non-secret config and its decrypted credentials. */
export interface ConnectionSettings {
  connection_id: string;
  platform: Platform;
  config: Record<string, string | undefined>;
  credentials: Record<string, string> | null;
}

export interface ConnectorOptions {
  /** Longest Retry-After the connector waits out; a longer one fails with RATE_LIMIT. */
  maxRetryAfterSeconds: number;
  /** Folder every export path must lie inside. */
  importDir: string;
  /** Called before the connector waits, with why (its pace, or a retry after a throttle or a failure). */
  onWait?: (ms: number, why: PlatformWait) => void;
  /** Backoffs and the wait budget of a request, when not the defaults (tests shorten them). */
  retryPolicy?: RetryTuning;
  /** Where the connector's requests may go (config.outboundUrls); https to public addresses when not given. */
  outboundPolicy?: OutboundUrlPolicy;
}
