import type { GraphChatMessage } from './graph-types';
import type { ReplyBoundary, TeamsWalkStep } from './teams-page-token';
import { RootPage } from './teams-root-page';

const minute = 60_000;
const start = Date.parse('2026-03-02T09:00:00.000Z');

function message(ms: number, replyToId: string | null = null, modifiedMs = ms): GraphChatMessage {
  return {
    id: String(ms),
    replyToId,
    createdDateTime: new Date(ms).toISOString(),
    lastModifiedDateTime: new Date(modifiedMs).toISOString(),
  };
}

/** A root with `count` replies a second apart, newest first as Graph expands them. */
function root(ms: number, count: number, more?: string): GraphChatMessage {
  const replies = Array.from({ length: count }, (_, index) => message(ms + (index + 1) * 1000, String(ms))).reverse();
  return { ...message(ms), replies, ...(more ? { 'replies@odata.nextLink': more } : {}) };
}

function boundaryOf(step: TeamsWalkStep | null): ReplyBoundary | null {
  if (step?.kind !== 'thread') throw new Error(`expected a thread step, got ${JSON.stringify(step)}`);
  return step.before;
}

describe('RootPage', () => {
  const threadOf120 = root(start + 2 * minute, 120);
  const quiet = root(start + minute, 0);
  const threadOf3 = root(start, 3);
  const page = new RootPage(
    'https://g/p1',
    { value: [threadOf120, quiet, threadOf3], '@odata.nextLink': 'https://g/p2' },
    null,
  );

  it('walks the roots, then each thread in page order, fifty replies at a time, newest first', () => {
    expect(page.rootsWithKnownReplyCount().map((root) => root.id)).toEqual([threadOf120.id, quiet.id, threadOf3.id]);
    const first = page.firstThreadStep();
    expect(first).toEqual({ kind: 'thread', root: threadOf120.id, before: null });

    const chunk1 = page.inlineReplies(threadOf120, null);
    expect(chunk1.replies).toHaveLength(50);
    expect(chunk1.replies[0].id).toBe(threadOf120.replies![0].id);
    const chunk2 = page.inlineReplies(threadOf120, boundaryOf(chunk1.next));
    const chunk3 = page.inlineReplies(threadOf120, boundaryOf(chunk2.next));
    expect(chunk3.replies).toHaveLength(20);
    expect([...chunk1.replies, ...chunk2.replies, ...chunk3.replies]).toEqual(threadOf120.replies);
    expect(chunk3.next).toEqual({ kind: 'thread', root: threadOf3.id, before: null });

    const last = page.inlineReplies(threadOf3, null);
    expect(last.replies).toHaveLength(3);
    expect(last.next).toBeNull();
  });

  it('continues a thread after its boundary even when newer replies came in meanwhile', () => {
    const chunk1 = page.inlineReplies(threadOf120, null);
    const newer = message(start + 10 * minute, threadOf120.id);
    const grown = { ...threadOf120, replies: [newer, ...threadOf120.replies!] };
    const again = new RootPage('https://g/p1', { value: [grown, quiet, threadOf3] }, null);
    const chunk2 = again.inlineReplies(grown, boundaryOf(chunk1.next));
    expect(chunk2.replies[0].id).toBe(threadOf120.replies![50].id);
  });

  it('keeps a root whose replies Graph did not expand in full for after its further reply pages', () => {
    const long = root(start + 3 * minute, 4, 'https://g/replies?$skiptoken=more');
    const withLong = new RootPage('https://g/p1', { value: [long, threadOf3] }, null);
    expect(withLong.rootsWithKnownReplyCount().map((root) => root.id)).toEqual([threadOf3.id]);
    const inline = withLong.inlineReplies(long, null);
    expect(inline.next).toEqual({
      kind: 'overflow',
      root: long.id,
      url: 'https://g/replies?$skiptoken=more',
      counted: 4,
    });
    expect(withLong.afterThread(long.id)).toEqual({ kind: 'thread', root: threadOf3.id, before: null });
  });

  it('in a delta round, walks only the replies changed after the given time', () => {
    const changedAfter = new Date(start + 30 * minute).toISOString();
    const edited = message(start + 1000, String(start), start + 40 * minute);
    const thread = {
      ...message(start, null, start + 40 * minute),
      replies: [message(start + 2000, String(start)), edited],
    };
    const untouched = root(start + minute, 2);
    const delta = new RootPage(
      'https://g/delta',
      { value: [thread, untouched], '@odata.deltaLink': 'https://g/d' },
      changedAfter,
    );
    expect(delta.firstThreadStep()).toEqual({ kind: 'thread', root: thread.id, before: null });
    expect(delta.inlineReplies(thread, null)).toEqual({ replies: [edited], next: null });
    expect(delta.deltaLink).toBe('https://g/d');
  });

  it('separates the removals a delta answer lists', () => {
    const delta = new RootPage(
      'https://g/delta',
      { value: [{ id: '42', '@removed': { reason: 'deleted' } }, threadOf3] },
      null,
    );
    expect(delta.removed.map((entry) => entry.id)).toEqual(['42']);
    expect(delta.roots.map((entry) => entry.id)).toEqual([threadOf3.id]);
  });

  it('counts the expanded replies still to walk from a step on', () => {
    expect(page.pendingReplies({ kind: 'roots' })).toBe(123);
    expect(page.pendingReplies(page.inlineReplies(threadOf120, null).next)).toBe(73);
    expect(page.pendingReplies({ kind: 'thread', root: threadOf3.id, before: null })).toBe(3);
    expect(page.pendingReplies(null)).toBe(0);
  });
});
