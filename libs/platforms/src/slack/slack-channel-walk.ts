import type { NormalizedMessage } from '@atlas/events';
import type { FetchedPage, FetchRequest } from '../connector';
import { nextCursor, SlackApiClient, SlackMessagePage } from './slack-api-client';
import { normalizeSlackMessage } from './slack-message';
import { decodeSlackPageToken, encodeSlackPageToken, SlackPagePosition } from './slack-page-token';
import { slackPermalink } from './slack-permalink';
import { mentionedUserIds } from './slack-text';
import { compareTs, newerTs } from './slack-ts';
import type { SlackMessage } from './slack-types';
import type { SlackUserDirectory } from './slack-user-directory';

const PAGE_LIMIT = 200;

/** A history page as far as walking its threads is concerned. */
interface HistoryPage {
  cursor: string | null;
  latest: string | null;
  /** Parents of the threads on the page, newest first like the page. */
  threads: string[];
  next: string | null;
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
  constructor(
    private readonly api: SlackApiClient,
    private readonly users: SlackUserDirectory,
    private readonly workspaceOrigin: string,
    private readonly request: FetchRequest,
  ) {}

  async *pages(): AsyncGenerator<FetchedPage> {
    const { resume, since, signal } = this.request;
    let position: SlackPagePosition | null = resume?.token
      ? decodeSlackPageToken(resume.token)
      : { historyCursor: null, latest: null, thread: null };
    let skip = resume?.skip ?? 0;
    let cursor = resume?.cursor ?? since;
    let history: HistoryPage | null = null;

    while (position !== null) {
      let messages: SlackMessage[];
      let next: SlackPagePosition | null;
      if (position.thread === null) {
        const page = await this.fetchHistory(position);
        messages = page.messages;
        history = page.history;
        cursor = messages.reduce<string | null>((newest, message) => newerTs(newest, message.ts), cursor);
        next = this.firstAfterHistory(history);
      } else {
        // Resuming inside a thread: the rest of the walk depends on the history page that holds it.
        history ??= (await this.fetchHistory({ ...position, thread: null })).history;
        const parent: string = position.thread.parent;
        const repliesCursor: string | null = position.thread.cursor;
        const page: SlackMessagePage = await this.api.conversationsReplies(
          { channel: this.request.channelId, ts: parent, cursor: repliesCursor, limit: PAGE_LIMIT },
          signal,
        );
        // The parent came with the history; broadcast replies did too, as channel messages.
        messages = page.messages.filter((message) => message.ts !== parent && message.subtype !== 'thread_broadcast');
        const nextRepliesCursor = nextCursor(page);
        next = nextRepliesCursor
          ? { ...position, thread: { parent, cursor: nextRepliesCursor } }
          : this.afterThread(history, parent);
      }
      yield {
        messages: await this.normalize(messages.slice(skip)),
        nextToken: next && encodeSlackPageToken(next),
        cursor,
      };
      skip = 0;
      position = next;
    }
  }

  private async fetchHistory(position: SlackPagePosition): Promise<{ messages: SlackMessage[]; history: HistoryPage }> {
    const { channelId, since, signal } = this.request;
    const refetchingFirstPage = position.historyCursor === null && position.latest !== null;
    const page: SlackMessagePage = await this.api.conversationsHistory(
      {
        channel: channelId,
        cursor: position.historyCursor,
        limit: PAGE_LIMIT,
        oldest: since,
        latest: refetchingFirstPage ? position.latest : null,
        inclusive: refetchingFirstPage ? true : undefined,
      },
      signal,
    );
    // `inclusive` applies to `oldest` too, so the message at `since`, already synced, may come back.
    const messages = page.messages.filter((message) => since === null || compareTs(message.ts, since) > 0);
    const newest = messages.reduce<string | null>((latest, message) => newerTs(latest, message.ts), null);
    const threads = messages
      .filter((message) => (message.reply_count ?? 0) > 0 && (message.thread_ts ?? message.ts) === message.ts)
      .map((message) => message.ts);
    return {
      messages,
      history: { cursor: position.historyCursor, latest: position.latest ?? newest, threads, next: nextCursor(page) },
    };
  }

  private firstAfterHistory(history: HistoryPage): SlackPagePosition | null {
    const [firstThread] = history.threads;
    if (firstThread !== undefined) {
      return { historyCursor: history.cursor, latest: history.latest, thread: { parent: firstThread, cursor: null } };
    }
    return this.nextHistoryPage(history);
  }

  private afterThread(history: HistoryPage, parent: string): SlackPagePosition | null {
    const olderThread = history.threads.find((thread) => compareTs(thread, parent) < 0);
    if (olderThread !== undefined) {
      return { historyCursor: history.cursor, latest: history.latest, thread: { parent: olderThread, cursor: null } };
    }
    return this.nextHistoryPage(history);
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
