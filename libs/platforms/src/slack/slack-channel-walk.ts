import type { NormalizedMessage } from '@atlas/events';
import type { FetchedPage, FetchRequest } from '../connector';
import { estimateFromTimeCoverage } from '../progress/time-coverage-estimate';
import { nextCursor, SlackApiClient, SlackMessagePage } from './slack-api-client';
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
  /** The newest top-level message already stored: the previous cursor's, or the one a resumed fetch reached. */
  newest: string | null;
  /** When the fetch began (a ts), kept in every cursor it writes. */
  fetchedAt: string;
  /** Where the walk ends in time, for the estimate: the channel's creation or the window's start (ms). */
  originMs: number | null;
}

/**
 * Walks a channel: each history page (newest first, as Slack returns them), then the replies of each
 * thread on it, page by page. Every page yielded carries the position of the next one, so a fresh
 * process can continue from any page.
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

    while (position !== null) {
      let messages: SlackMessage[];
      let next: SlackPagePosition | null;
      if (position.thread === null) {
        const page = await this.fetchHistory(position);
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
          : (await this.fetchHistory({ ...position, thread: null }, false)).history;
        const parent: string = position.thread.parent;
        const page: SlackMessagePage = await this.api.conversationsReplies(
          {
            channel: this.request.channelId,
            ts: parent,
            cursor: position.thread.cursor,
            limit: this.plan.pageLimit(),
            oldest: this.plan.window.repliesOldest(parent),
          },
          signal,
        );
        // The parent came with the history; broadcast replies did too, as channel messages.
        messages = page.messages.filter((message) => message.ts !== parent && message.subtype !== 'thread_broadcast');
        const nextRepliesCursor = nextCursor(page);
        next = nextRepliesCursor
          ? { ...this.threadStart(history, parent), thread: { parent, cursor: nextRepliesCursor } }
          : this.afterThread(history, parent);
      }
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
  }

  private async fetchHistory(
    position: SlackPagePosition,
    count = true,
  ): Promise<{ messages: SlackMessage[]; history: HistoryPage }> {
    const { channelId, signal } = this.request;
    const { window } = this.plan;
    const refetchingFirstPage = position.historyCursor === null && position.latest !== null;
    const page: SlackMessagePage = await this.api.conversationsHistory(
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
    // `inclusive` applies to `oldest` too, so a message at the window's edge may come back: keeps() drops it.
    const messages = page.messages.filter((message) => window.keeps(message));
    const pageNewest = page.messages.reduce<string | null>((latest, message) => newerTs(latest, message.ts), null);
    const threads = messages.filter((message) => window.walksThread(message)).map((message) => message.ts);
    if (count) this.count(messages);
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
