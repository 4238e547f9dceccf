import type { SlackChannelCursor } from './slack-cursor';
import { msToTs, olderTs } from './slack-cursor';
import { compareTs } from './slack-ts';
import type { SlackMessage } from './slack-types';

const DAY_MS = 86_400_000;

/**
 * What one fetch of a channel asks Slack for and keeps. A full fetch takes everything. An incremental
 * one re-reads the history of a look-back window, because Slack's history has no feed of changes: it
 * keeps the messages posted after the cursor, the ones edited since the last fetch began (edited.ts),
 * and walks the threads in the window with replies posted since the last fetch began, from then on.
 * Times of "since the last fetch began" come from this host's clock: it must follow Slack's (NTP).
 * Deletions are not visible in the Web API's history; older threads and edits beyond the window are
 * missed (docs/PLATFORMS.md).
 */
export class SlackFetchWindow {
  /** `oldest` of the history calls; null for the whole history. */
  readonly historyOldest: string | null;

  private constructor(
    private readonly previous: SlackChannelCursor | null,
    lookbackDays: number,
    nowMs: number,
  ) {
    this.historyOldest = previous && olderTs(previous.newest, msToTs(nowMs - lookbackDays * DAY_MS));
  }

  static full(): SlackFetchWindow {
    return new SlackFetchWindow(null, 0, 0);
  }

  static since(previous: SlackChannelCursor, lookbackDays: number, nowMs: number): SlackFetchWindow {
    return new SlackFetchWindow(previous, lookbackDays, nowMs);
  }

  get isIncremental(): boolean {
    return this.previous !== null;
  }

  /** Whether a history message belongs in this fetch. */
  keeps(message: SlackMessage): boolean {
    if (!this.previous) return true;
    if (this.historyOldest !== null && compareTs(message.ts, this.historyOldest) <= 0) return false;
    if (compareTs(message.ts, this.previous.newest) > 0) return true;
    if (message.edited?.ts && compareTs(message.edited.ts, this.previous.fetchedAt) > 0) return true;
    return this.hasNewReplies(message);
  }

  /** Whether the replies of this parent must be walked. */
  walksThread(parent: SlackMessage): boolean {
    if ((parent.reply_count ?? 0) === 0 || (parent.thread_ts ?? parent.ts) !== parent.ts) return false;
    if (!this.previous || compareTs(parent.ts, this.previous.newest) > 0) return true;
    return this.hasNewReplies(parent);
  }

  /**
   * `oldest` of the replies calls of a thread: in a thread already synced, the replies posted since the
   * last fetch began (it walked the thread after that, so it had every older one).
   */
  repliesOldest(parentTs: string): string | null {
    if (!this.previous || compareTs(parentTs, this.previous.newest) > 0) return null;
    return this.previous.fetchedAt;
  }

  private hasNewReplies(message: SlackMessage): boolean {
    return (
      this.previous !== null &&
      message.latest_reply !== undefined &&
      compareTs(message.latest_reply, this.previous.fetchedAt) > 0
    );
  }
}
