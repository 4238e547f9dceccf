import type { NormalizedMessage } from '@atlas/events';
import type { FetchedPage, FetchRequest } from '../connector';
import { estimateFromTimeCoverage } from '../progress/time-coverage-estimate';
import { DISCORD_PAGE_LIMIT, DiscordApiClient, MessagesQuery } from './discord-api-client';
import type { DiscordCursorBuilder } from './discord-cursor';
import { isGoneOrHidden } from './discord-error-mapping';
import type { DiscordFetchWindow } from './discord-fetch-window';
import type { DiscordGuildNames } from './discord-guild-names';
import { discordPermalink, normalizeDiscordMessage } from './discord-message';
import { DiscordPagePosition, encodeDiscordPageToken } from './discord-page-token';
import { compareSnowflakes, snowflakeToMs } from './discord-snowflake';
import type { DiscordThreadDirectory } from './discord-thread-directory';
import { DiscordChannel, DiscordMessage, MESSAGE_TYPE } from './discord-types';

export interface DiscordWalkPlan {
  channel: DiscordChannel;
  guildId: string | undefined;
  window: DiscordFetchWindow;
  /** Every thread listed, for the reply counts of their starters. */
  directory: DiscordThreadDirectory;
  /** The threads this fetch walks, newest first. */
  threads: DiscordThreadDirectory;
  cursor: DiscordCursorBuilder;
  /** Where to start: a resumed fetch's position, or null for the beginning. */
  start: DiscordPagePosition | null;
  skip: number;
}

/** What one position of the walk read: the messages to hand out, in order, and the position after it. */
interface Step {
  messages: DiscordMessage[];
  /** Set when the messages are a thread's: they are stored as replies to its starter. */
  threadId: string | null;
  next: DiscordPagePosition | null;
}

/**
 * Walks a channel: its history page by page, then each of its threads page by page, newest thread
 * first (a full fetch pages back in time with `before`, an incremental one forward with `after`).
 * Every page yielded carries the position of the next one, so a fresh process can continue from any
 * page; pages left empty by the window's filter are not yielded, except the last, which carries the
 * cursor.
 */
export class DiscordChannelWalk {
  private yielded = 0;
  private readInThread = { thread: null as string | null, count: 0 };
  private readonly span = { newestMs: null as number | null, oldestMs: null as number | null };

  constructor(
    private readonly api: DiscordApiClient,
    private readonly names: DiscordGuildNames,
    private readonly request: FetchRequest,
    private readonly plan: DiscordWalkPlan,
  ) {}

  async *pages(): AsyncGenerator<FetchedPage> {
    const { window } = this.plan;
    let position: DiscordPagePosition | null = this.plan.start ?? { kind: 'history', page: window.firstPage };
    let skip = this.plan.skip;
    while (position !== null) {
      const step = await this.read(position);
      if (step.messages.length > 0 || step.next === null) {
        const messages = await this.normalize(step.messages.slice(skip), step.threadId);
        skip = 0;
        this.yielded += messages.length;
        yield {
          messages,
          nextToken: step.next && encodeDiscordPageToken({ at: window.at, position: step.next }),
          cursor: this.plan.cursor.encode(),
          estimatedTotal: this.estimate(position, step.next === null),
        };
      }
      position = step.next;
    }
  }

  private read(position: DiscordPagePosition): Promise<Step> {
    switch (position.kind) {
      case 'history':
        return this.readHistory(position.page);
      case 'thread':
        return this.readThread(position.thread, position.page, position.newReplies);
      case 'starter':
        return this.readStarter(position.thread);
    }
  }

  private async readHistory(page: MessagesQuery): Promise<Step> {
    const raw = await this.api.messages(this.plan.channel.id, page, this.request.signal);
    const ordered = this.inWalkOrder(raw, page);
    if (!this.plan.window.isIncremental) this.widenSpan(raw);
    const next: DiscordPagePosition | null =
      raw.length < DISCORD_PAGE_LIMIT
        ? this.threadStart(this.plan.threads.after(null))
        : { kind: 'history', page: this.pageAfter(ordered, page) };
    return { messages: this.kept(ordered), threadId: null, next };
  }

  private async readThread(threadId: string, page: MessagesQuery, newRepliesSoFar: boolean): Promise<Step> {
    let raw: DiscordMessage[];
    try {
      raw = await this.api.messages(threadId, page, this.request.signal);
    } catch (error) {
      // Deleted since it was listed, or a private thread the bot was not added to: nothing to read there.
      if (!isGoneOrHidden(error)) throw error;
      raw = [];
    }
    const ordered = this.inWalkOrder(raw, page);
    const messages = this.kept(ordered);
    this.countThreadMessages(threadId, messages.length);
    const newReplies = newRepliesSoFar || messages.some((message) => this.plan.window.isNew(message));
    let next: DiscordPagePosition | null;
    if (raw.length === DISCORD_PAGE_LIMIT) {
      next = { kind: 'thread', thread: threadId, page: this.pageAfter(ordered, page), newReplies };
    } else if (newReplies) {
      next = { kind: 'starter', thread: threadId };
    } else {
      next = this.threadStart(this.plan.threads.after(threadId));
    }
    return { messages, threadId, next };
  }

  /** After new replies, the starter again, for its reply count; unless the window already handed it out. */
  private async readStarter(threadId: string): Promise<Step> {
    const { window } = this.plan;
    const starter = await this.api.message(this.plan.channel.id, threadId, this.request.signal);
    if (starter) this.plan.cursor.note(starter);
    const alreadyKept = starter !== null && window.covers(starter.id) && window.keeps(starter);
    return {
      messages: starter && !alreadyKept ? [starter] : [],
      threadId: null,
      next: this.threadStart(this.plan.threads.after(threadId)),
    };
  }

  private threadStart(thread: DiscordChannel | undefined): DiscordPagePosition | null {
    if (!thread) return null;
    return { kind: 'thread', thread: thread.id, page: this.plan.window.firstPage, newReplies: false };
  }

  /** Discord answers newest first even when paging forward; a forward walk hands messages out oldest first. */
  private inWalkOrder(raw: DiscordMessage[], page: MessagesQuery): DiscordMessage[] {
    for (const message of raw) this.plan.cursor.note(message);
    const forward = 'after' in page;
    return [...raw].sort((a, b) => (forward ? compareSnowflakes(a.id, b.id) : compareSnowflakes(b.id, a.id)));
  }

  private pageAfter(ordered: DiscordMessage[], page: MessagesQuery): MessagesQuery {
    const last = ordered.at(-1)!.id;
    return 'after' in page ? { after: last } : { before: last };
  }

  /** The thread's starter is in the parent channel: the copy heading the thread would be a duplicate. */
  private kept(ordered: DiscordMessage[]): DiscordMessage[] {
    return ordered.filter(
      (message) => message.type !== MESSAGE_TYPE.THREAD_STARTER_MESSAGE && this.plan.window.keeps(message),
    );
  }

  private async normalize(messages: DiscordMessage[], threadId: string | null): Promise<NormalizedMessage[]> {
    await this.names.prepare(messages, this.request.signal);
    const { channel, directory, guildId } = this.plan;
    return messages.map((message) =>
      normalizeDiscordMessage(message, {
        channelId: channel.id,
        threadId,
        replyCount: threadId === null ? directory.replyCount(message.id) : 0,
        roleName: this.names.roleName,
        channelName: this.names.channelName,
        permalink: (linked) => discordPermalink(guildId ?? '@me', linked.channel_id, linked.id),
      }),
    );
  }

  private widenSpan(raw: DiscordMessage[]): void {
    for (const message of raw) {
      const ms = snowflakeToMs(message.id);
      this.span.newestMs = Math.max(this.span.newestMs ?? ms, ms);
      this.span.oldestMs = Math.min(this.span.oldestMs ?? ms, ms);
    }
  }

  private countThreadMessages(threadId: string, count: number): void {
    if (this.readInThread.thread !== threadId) this.readInThread = { thread: threadId, count: 0 };
    this.readInThread.count += count;
  }

  /**
   * Messages this call will yield in all. A full fetch extrapolates the history from the share of the
   * channel's lifetime walked so far, plus the messages the listed threads announce; an incremental
   * fetch cannot tell how many of the window's messages changed until it has read them all.
   */
  private estimate(position: DiscordPagePosition, last: boolean): number | null {
    if (last) return this.yielded;
    if (this.plan.window.isIncremental) return null;
    const { threads } = this.plan;
    if (position.kind === 'history') {
      const { newestMs, oldestMs } = this.span;
      if (newestMs === null || oldestMs === null) return null;
      return estimateFromTimeCoverage({
        fetched: this.yielded,
        newestMs,
        oldestSoFarMs: oldestMs,
        originMs: snowflakeToMs(this.plan.channel.id),
        knownPending: threads.repliesAfter(null),
      });
    }
    if (position.kind !== 'thread') return null;
    const current = threads.get(position.thread)?.message_count ?? 0;
    const pendingHere = Math.max(0, current - this.readInThread.count);
    return this.yielded + pendingHere + threads.repliesAfter(position.thread);
  }
}
