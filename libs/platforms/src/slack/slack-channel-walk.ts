import type { NormalizedMessage } from '@atlas/events';
import type { FetchedPage, FetchRequest } from '../connector';
import { estimateFromTimeCoverage } from '../progress/time-coverage-estimate';
import { nextCursor, SlackApiClient, SlackMessagePage } from './slack-api-client';
import { SlackWalkFetches } from './slack-walk-fetches';
import { encodeSlackCursor, tsToMs } from './slack-cursor';
import type { SlackFetchWindow } from './slack-fetch-window';
import { normalizeSlackMessage } from './slack-message';
import { decodeSlackPageToken, encodeSlackPageToken, SlackPagePosition } from './slack-page-token';
import { slackPermalink } from './slack-permalink';
import { mentionedUserIds } from './slack-text';
import { compareTs, newerTs } from './slack-ts';
import type { SlackMessage } from './slack-types';
import type { SlackUserDirectory } from './slack-user-directory';

/** A history page as far as walking its threads is concerned. */
interface HistoryPage {
  cursor: string | null;
  latest: string | null;
  /** Parents of the threads on the page to walk, newest first like the page. */
  threads: string[];
  next: string | null;
}

export interface SlackWalkPlan {
  window: SlackFetchWindow;
  /** Messages to ask per history or replies call (200, or 15 under Slack's 2025 limits); may change mid-walk. */
  pageLimit: () => number;
  /** Pages that may be fetched ahead of the one handed out (0: one page at a time); may change mid-walk. */
  lookahead: () => number;
  /** The newest top-level message already stored: the previous cursor's, or the one a resumed fetch reached. */
  newest: string | null;
  /** When the fetch began (a ts), kept in every cursor it writes. */
  fetchedAt: string;
  /** Where the walk ends in time, for the estimate: the channel's creation or the window's start (ms). */
  originMs: number | null;
}

/** Pages a look ahead passes over at most (already started or not), so it stays short whatever the page. */
const MAX_LOOKED_AT = 64;

/** What a page asks for: the same key is the same request. */
function pageKey(position: SlackPagePosition): string {
  if (position.thread !== null) return `replies ${position.thread.parent} ${position.thread.cursor ?? ''}`;
  return position.historyCursor === null
    ? `history first ${position.latest ?? ''}`
    : `history ${position.historyCursor}`;
}

/**
 * Walks a channel: each history page (newest first, as Slack returns them), then the replies of each
 * thread on it, page by page. Every page yielded carries the position of the next one, so a fresh
 * process can continue from any page. The pages that come next are fetched ahead, within the plan's
 * lookahead, so thread replies and the next history page are on their way while a page is handed out;
 * they are handed out in the same order, and no page is asked twice.
 *
 * The channel cursor only follows top-level messages: replies can be newer than messages that are
 * still to come on later history pages, and a cursor pushed past those would skip them next time.
 */
export class SlackChannelWalk {
  private newest: string | null;
  private readonly seen = {
    topLevel: 0,
    announcedReplies: 0,
    newestMs: null as number | null,
    oldestMs: null as number | null,
  };

  private fetches: SlackWalkFetches | null = null;
  /** Where the walk goes next, and the history page that holds it: where fetching ahead starts from. */
  private ahead: { position: SlackPagePosition; history: HistoryPage } | null = null;

  constructor(
    private readonly api: SlackApiClient,
    private readonly users: SlackUserDirectory,
    private readonly workspaceOrigin: string,
    private readonly request: FetchRequest,
    private readonly plan: SlackWalkPlan,
  ) {
    this.newest = plan.newest;
  }

  async *pages(): AsyncGenerator<FetchedPage> {
    const { resume, signal } = this.request;
    let position: SlackPagePosition | null = resume?.token
      ? decodeSlackPageToken(resume.token)
      : { historyCursor: null, latest: null, thread: null };
    let skip = resume?.skip ?? 0;
    let history: HistoryPage | null = null;
    this.fetches = new SlackWalkFetches(signal, () => this.fetchAhead());

    try {
      while (position !== null) {
        let messages: SlackMessage[];
        let next: SlackPagePosition | null;
        if (position.thread === null) {
          const page = this.readHistory(await this.page(position), position);
          this.count(page.messages);
          messages = page.messages;
          history = page.history;
          next = this.firstAfterHistory(history);
        } else {
          // Resuming inside a thread: the rest of the walk depends on the history page that holds it.
          history ??= position.rest
            ? {
                cursor: position.historyCursor,
                latest: position.latest,
                threads: [position.thread.parent, ...position.rest.threads],
                next: position.rest.next,
              }
            : this.readHistory(await this.page({ ...position, thread: null }), position).history;
          const parent: string = position.thread.parent;
          const page = await this.page(position);
          // The parent came with the history; broadcast replies did too, as channel messages.
          messages = page.messages.filter((message) => message.ts !== parent && message.subtype !== 'thread_broadcast');
          next = this.afterRepliesPage(history, parent, page);
        }
        this.ahead = next && { position: next, history };
        this.fetchAhead();
        yield {
          messages: await this.normalize(messages.slice(skip)),
          nextToken: next && encodeSlackPageToken(next),
          cursor:
            this.newest === null ? null : encodeSlackCursor({ newest: this.newest, fetchedAt: this.plan.fetchedAt }),
          estimatedTotal: this.estimate(),
        };
        skip = 0;
        position = next;
      }
    } finally {
      this.fetches.close();
    }
  }

  /** A page of history or of a thread's replies: the one fetched ahead, or fetched now. */
  private page(position: SlackPagePosition): Promise<SlackMessagePage> {
    return this.fetches!.take(pageKey(position), (signal) => this.fetch(position, signal));
  }

  private fetch(position: SlackPagePosition, signal: AbortSignal): Promise<SlackMessagePage> {
    const { channelId } = this.request;
    const { window } = this.plan;
    if (position.thread !== null) {
      const parent = position.thread.parent;
      return this.api.conversationsReplies(
        {
          channel: channelId,
          ts: parent,
          cursor: position.thread.cursor,
          limit: this.plan.pageLimit(),
          oldest: window.repliesOldest(parent),
        },
        signal,
      );
    }
    const refetchingFirstPage = position.historyCursor === null && position.latest !== null;
    return this.api.conversationsHistory(
      {
        channel: channelId,
        cursor: position.historyCursor,
        limit: this.plan.pageLimit(),
        oldest: window.historyOldest,
        latest: refetchingFirstPage ? position.latest : null,
        inclusive: refetchingFirstPage ? true : undefined,
      },
      signal,
    );
  }

  /**
   * Starts the pages that come next, in the order the walk will take them, up to the plan's lookahead:
   * the threads after the current page, the next history page, and once that came, its threads. A
   * thread's further pages are started when its first page shows them.
   */
  private fetchAhead(): void {
    const fetches = this.fetches;
    if (!fetches || !this.ahead) return;
    let room = this.plan.lookahead() - fetches.pending;
    let { position, history } = this.ahead as { position: SlackPagePosition | null; history: HistoryPage };
    for (let looked = 0; position !== null && room > 0 && looked < MAX_LOOKED_AT; looked += 1) {
      const current: SlackPagePosition = position;
      if (fetches.startAhead(pageKey(current), (signal) => this.fetch(current, signal))) room -= 1;
      const answer = fetches.answered(pageKey(current));
      if (current.thread === null) {
        // What follows a history page is known once it came.
        if (!answer) return;
        history = this.readHistory(answer, current).history;
        position = this.firstAfterHistory(history);
      } else {
        position = answer
          ? this.afterRepliesPage(history, current.thread.parent, answer)
          : this.afterThread(history, current.thread.parent);
      }
    }
  }

  /** A history page as the walk keeps it: the messages of the window, and the threads to walk. */
  private readHistory(
    page: SlackMessagePage,
    position: SlackPagePosition,
  ): { messages: SlackMessage[]; history: HistoryPage } {
    const { window } = this.plan;
    // `inclusive` applies to `oldest` too, so a message at the window's edge may come back: keeps() drops it.
    const messages = page.messages.filter((message) => window.keeps(message));
    const pageNewest = page.messages.reduce<string | null>((latest, message) => newerTs(latest, message.ts), null);
    const threads = messages.filter((message) => window.walksThread(message)).map((message) => message.ts);
    return {
      messages,
      history: {
        cursor: position.historyCursor,
        latest: position.latest ?? pageNewest,
        threads,
        next: nextCursor(page),
      },
    };
  }

  private afterRepliesPage(history: HistoryPage, parent: string, page: SlackMessagePage): SlackPagePosition | null {
    const nextRepliesCursor = nextCursor(page);
    return nextRepliesCursor
      ? { ...this.threadStart(history, parent), thread: { parent, cursor: nextRepliesCursor } }
      : this.afterThread(history, parent);
  }

  private count(messages: SlackMessage[]): void {
    for (const message of messages) {
      this.newest = newerTs(this.newest, message.ts);
      const ms = tsToMs(message.ts);
      this.seen.topLevel += 1;
      this.seen.newestMs = Math.max(this.seen.newestMs ?? ms, ms);
      this.seen.oldestMs = Math.min(this.seen.oldestMs ?? ms, ms);
      if (this.plan.window.walksThread(message) && this.plan.window.repliesOldest(message.ts) === null) {
        this.seen.announcedReplies += message.reply_count ?? 0;
      }
    }
  }

  /** Messages this walk will have yielded in all, judged by the share of the channel's time span walked. */
  private estimate(): number | null {
    const { newestMs, oldestMs } = this.seen;
    if (newestMs === null || oldestMs === null || this.plan.originMs === null) return null;
    return estimateFromTimeCoverage({
      fetched: this.seen.topLevel + this.seen.announcedReplies,
      newestMs,
      oldestSoFarMs: oldestMs,
      originMs: this.plan.originMs,
    });
  }

  private firstAfterHistory(history: HistoryPage): SlackPagePosition | null {
    const [firstThread] = history.threads;
    return firstThread === undefined ? this.nextHistoryPage(history) : this.threadStart(history, firstThread);
  }

  private afterThread(history: HistoryPage, parent: string): SlackPagePosition | null {
    const olderThread = history.threads.find((thread) => compareTs(thread, parent) < 0);
    return olderThread === undefined ? this.nextHistoryPage(history) : this.threadStart(history, olderThread);
  }

  private threadStart(history: HistoryPage, parent: string): SlackPagePosition {
    return {
      historyCursor: history.cursor,
      latest: history.latest,
      thread: { parent, cursor: null },
      rest: { threads: history.threads.filter((thread) => compareTs(thread, parent) < 0), next: history.next },
    };
  }

  private nextHistoryPage(history: HistoryPage): SlackPagePosition | null {
    return history.next === null ? null : { historyCursor: history.next, latest: history.latest, thread: null };
  }

  private async normalize(messages: SlackMessage[]): Promise<NormalizedMessage[]> {
    const userIds = new Set<string>();
    for (const message of messages) {
      if (message.user) userIds.add(message.user);
      for (const id of mentionedUserIds(message.text ?? '')) userIds.add(id);
    }
    await this.users.load(userIds, this.request.signal);
    const channelId = this.request.channelId;
    return messages.map((message) =>
      normalizeSlackMessage(message, {
        channelId,
        user: (id) => this.users.get(id),
        channelName: () => undefined,
        permalink: (ts, threadParentTs) => slackPermalink(this.workspaceOrigin, channelId, ts, threadParentTs),
      }),
    );
  }
}
