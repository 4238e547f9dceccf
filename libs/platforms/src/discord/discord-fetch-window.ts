import type { MessagesQuery } from './discord-api-client';
import { changedAfter, DiscordChannelCursor, seenKey } from './discord-cursor';
import { isNewer, snowflakeAt, snowflakeToMs } from './discord-snowflake';
import type { DiscordChannel, DiscordMessage } from './discord-types';

const DAY_MS = 86_400_000;
export const DEFAULT_EDIT_LOOKBACK_DAYS = 14;

/**
 * What one fetch of a channel reads and keeps. A full fetch walks the history back from the moment
 * it began (`before`). Discord's REST API has no feed of edits or deletions, so an incremental fetch
 * re-reads a look-back window forward (`after`): from `lookbackDays` before the previous fetch began,
 * it keeps the messages posted or edited since that fetch began which that fetch had not already
 * read, and walks the threads whose last message is in the window. Edits of older messages, and all
 * deletions, stay unseen (docs/PLATFORMS.md).
 */
export class DiscordFetchWindow {
  private readonly previousSeen: ReadonlySet<string>;

  private constructor(
    /** When this fetch began (server clock, ms). */
    readonly at: number,
    private readonly previous: DiscordChannelCursor | null,
    /** Incremental fetches: the `after` of the window (exclusive). */
    readonly lowerBound: string | null,
  ) {
    this.previousSeen = new Set(previous?.seen ?? []);
  }

  static full(at: number): DiscordFetchWindow {
    return new DiscordFetchWindow(at, null, null);
  }

  static since(previous: DiscordChannelCursor, at: number, lookbackDays: number): DiscordFetchWindow {
    return new DiscordFetchWindow(at, previous, snowflakeAt(previous.at - lookbackDays * DAY_MS));
  }

  get isIncremental(): boolean {
    return this.previous !== null;
  }

  /** `before` of a full fetch's first page: everything up to the millisecond it began. */
  get upperBound(): string {
    return snowflakeAt(this.at + 1);
  }

  /** The first page of the history and of each thread: back from the start, or forward through the window. */
  get firstPage(): MessagesQuery {
    return this.lowerBound === null ? { before: this.upperBound } : { after: this.lowerBound };
  }

  /** Whether a message read belongs in this fetch. */
  keeps(message: DiscordMessage): boolean {
    if (this.previous === null) return true;
    return changedAfter(message, this.previous.at) && !this.previousSeen.has(seenKey(message));
  }

  /** A message posted since the previous fetch, which that fetch did not read: a new reply, in a thread. */
  isNew(message: DiscordMessage): boolean {
    return (
      this.previous !== null && snowflakeToMs(message.id) > this.previous.at && !this.previousSeen.has(seenKey(message))
    );
  }

  /** Whether the window's history walk read this message (so it was kept there if it changed). */
  covers(messageId: string): boolean {
    return this.lowerBound === null || isNewer(messageId, this.lowerBound);
  }

  /** Threads an incremental fetch walks: those with a message in the window. */
  walksThread(thread: DiscordChannel): boolean {
    if (this.lowerBound === null) return true;
    return Boolean(thread.last_message_id) && isNewer(thread.last_message_id!, this.lowerBound);
  }

  /** How far back archived threads are worth listing (ms); null: all of them. */
  get archivedSinceMs(): number | null {
    return this.lowerBound === null ? null : snowflakeToMs(this.lowerBound);
  }
}
