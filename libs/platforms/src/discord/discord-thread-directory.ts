import type { DiscordApiClient } from './discord-api-client';
import { compareSnowflakes } from './discord-snowflake';
import { CHANNEL_TYPE, DiscordChannel } from './discord-types';

const THREAD_TYPES: ReadonlySet<number> = new Set([
  CHANNEL_TYPE.ANNOUNCEMENT_THREAD,
  CHANNEL_TYPE.PUBLIC_THREAD,
  CHANNEL_TYPE.PRIVATE_THREAD,
]);

/** Channels whose threads are listed: text and announcement channels. */
export const THREADED_CHANNEL_TYPES: ReadonlySet<number> = new Set([
  CHANNEL_TYPE.GUILD_TEXT,
  CHANNEL_TYPE.GUILD_ANNOUNCEMENT,
]);

/**
 * The threads of one channel, newest first: the guild's active threads (v10 lists those per guild)
 * and the channel's archived public ones. Listing them, rather than relying on the `thread` object of
 * starter messages (which Discord does not always include, and which threads whose starter was
 * deleted lack), is what makes sure no thread is missed. Archived private threads need Manage Threads
 * to list and are left out.
 */
export class DiscordThreadDirectory {
  private readonly byId: Map<string, DiscordChannel>;

  private constructor(readonly threads: DiscordChannel[]) {
    this.byId = new Map(threads.map((thread) => [thread.id, thread]));
  }

  static empty(): DiscordThreadDirectory {
    return new DiscordThreadDirectory([]);
  }

  /**
   * Lists the channel's threads; with `archivedSinceMs`, archived threads are listed only back to
   * that time (a thread archived earlier has had no message since).
   */
  static async load(
    api: DiscordApiClient,
    scope: { guildId: string; channelId: string; archivedSinceMs: number | null },
    signal?: AbortSignal,
  ): Promise<DiscordThreadDirectory> {
    const found = new Map<string, DiscordChannel>();
    const keep = (thread: DiscordChannel) => {
      if (thread.parent_id === scope.channelId && THREAD_TYPES.has(thread.type) && !found.has(thread.id)) {
        found.set(thread.id, thread);
      }
    };
    (await api.activeThreads(scope.guildId, signal)).threads.forEach(keep);

    let before: string | null = null;
    for (;;) {
      const page = await api.archivedPublicThreads(scope.channelId, before, signal);
      page.threads.forEach(keep);
      const last = page.threads.at(-1)?.thread_metadata?.archive_timestamp;
      if (!page.has_more || !last || last === before) break;
      if (scope.archivedSinceMs !== null && Date.parse(last) < scope.archivedSinceMs) break;
      before = last;
    }
    return new DiscordThreadDirectory([...found.values()].sort((a, b) => compareSnowflakes(b.id, a.id)));
  }

  /** The same directory with only the threads a fetch walks. */
  filter(walks: (thread: DiscordChannel) => boolean): DiscordThreadDirectory {
    return new DiscordThreadDirectory(this.threads.filter(walks));
  }

  get(threadId: string): DiscordChannel | undefined {
    return this.byId.get(threadId);
  }

  /** Messages in the thread a message started (a thread's id is its starter message's id). */
  replyCount(messageId: string): number {
    return this.byId.get(messageId)?.message_count ?? 0;
  }

  /** The thread walked after this one: the next older. */
  after(threadId: string | null): DiscordChannel | undefined {
    if (threadId === null) return this.threads[0];
    return this.threads.find((thread) => compareSnowflakes(thread.id, threadId) < 0);
  }

  /** Messages announced in the threads older than this one (all of them for null). */
  repliesAfter(threadId: string | null): number {
    return this.threads
      .filter((thread) => threadId === null || compareSnowflakes(thread.id, threadId) < 0)
      .reduce((sum, thread) => sum + (thread.message_count ?? 0), 0);
  }
}
