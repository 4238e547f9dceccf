import { GRAPH_PAGE_LIMIT } from './graph-client';
import { GraphChatMessage, GraphCollection, GraphDeltaEntry, GraphRemovedEntry, isRemovedEntry } from './graph-types';
import type { ReplyBoundary, TeamsWalkStep } from './teams-page-token';

/**
 * A Graph page of root messages (a history page or a page of a delta round) with the replies Graph
 * expanded on each root, and the rules for walking it: first the roots, then thread by thread (in
 * page order) the replies of interest, newest first as Graph gives them.
 */
export class RootPage {
  readonly roots: GraphChatMessage[];
  readonly removed: GraphRemovedEntry[];
  readonly next: string | null;
  readonly deltaLink: string | null;
  private readonly threads: GraphChatMessage[];
  /** Expanded replies of interest by root id, newest first. */
  private readonly selected = new Map<string, GraphChatMessage[]>();

  constructor(
    readonly url: string,
    body: GraphCollection<GraphDeltaEntry>,
    /** Replies changed after this time are of interest; null: every reply is. */
    private readonly changedAfter: string | null,
  ) {
    const entries = Array.isArray(body.value) ? body.value : [];
    this.removed = entries.filter(isRemovedEntry);
    this.roots = entries.filter((entry): entry is GraphChatMessage => !isRemovedEntry(entry));
    this.next = body['@odata.nextLink'] || null;
    this.deltaLink = body['@odata.deltaLink'] || null;
    this.threads = this.roots.filter((root) => this.selectedInlineReplies(root).length > 0 || hasMoreReplies(root));
  }

  root(rootId: string): GraphChatMessage | undefined {
    return this.roots.find((root) => root.id === rootId);
  }

  /** Whether a resumed step still finds its thread on the page as fetched again. */
  holds(step: TeamsWalkStep): boolean {
    return step.kind === 'roots' || this.root(step.root) !== undefined;
  }

  /** Roots whose replies Graph expanded in full; the others come after their last reply page, with the count. */
  rootsWithKnownReplyCount(): GraphChatMessage[] {
    return this.roots.filter((root) => !hasMoreReplies(root));
  }

  firstThreadStep(): TeamsWalkStep | null {
    const [first] = this.threads;
    return first ? this.threadStart(first) : null;
  }

  /** The step after the thread of `rootId` is done. */
  afterThread(rootId: string): TeamsWalkStep | null {
    const index = this.threads.findIndex((thread) => thread.id === rootId);
    const next = index < 0 ? undefined : this.threads[index + 1];
    return next ? this.threadStart(next) : null;
  }

  /** The next expanded replies of a thread after `before`, and the step that follows them. */
  inlineReplies(
    root: GraphChatMessage,
    before: ReplyBoundary | null,
  ): { replies: GraphChatMessage[]; next: TeamsWalkStep | null } {
    const remaining = this.selectedInlineReplies(root).filter((reply) => before === null || isOlder(reply, before));
    const replies = remaining.slice(0, GRAPH_PAGE_LIMIT);
    if (remaining.length > replies.length) {
      const last = replies[replies.length - 1];
      return { replies, next: { kind: 'thread', root: root.id, before: { at: last.createdDateTime, id: last.id } } };
    }
    return { replies, next: this.afterInlineReplies(root) };
  }

  /** Replies of a further reply page that are of interest. */
  selectReplies(replies: GraphChatMessage[]): GraphChatMessage[] {
    return replies.filter((reply) => this.isOfInterest(reply));
  }

  /** Expanded replies of interest this page still holds from `next` on (the step after the one just walked). */
  pendingReplies(next: TeamsWalkStep | null): number {
    if (next === null) return 0;
    const index = next.kind === 'roots' ? 0 : this.threads.findIndex((thread) => thread.id === next.root);
    if (index < 0) return 0;
    const [current, ...later] = this.threads.slice(index);
    if (current === undefined) return 0;
    const inCurrent = this.selectedInlineReplies(current);
    const pendingInCurrent =
      next.kind === 'roots'
        ? inCurrent.length
        : next.kind === 'thread'
          ? inCurrent.filter((reply) => next.before === null || isOlder(reply, next.before)).length
          : 0;
    return later.reduce((sum, thread) => sum + this.selectedInlineReplies(thread).length, pendingInCurrent);
  }

  private threadStart(root: GraphChatMessage): TeamsWalkStep | null {
    if (this.selectedInlineReplies(root).length > 0) return { kind: 'thread', root: root.id, before: null };
    return this.afterInlineReplies(root);
  }

  private afterInlineReplies(root: GraphChatMessage): TeamsWalkStep | null {
    const more = root['replies@odata.nextLink'];
    if (more) return { kind: 'overflow', root: root.id, url: more, counted: root.replies?.length ?? 0 };
    return this.afterThread(root.id);
  }

  private selectedInlineReplies(root: GraphChatMessage): GraphChatMessage[] {
    let selected = this.selected.get(root.id);
    if (selected === undefined) {
      selected = (root.replies ?? []).filter((reply) => this.isOfInterest(reply)).sort(newestFirst);
      this.selected.set(root.id, selected);
    }
    return selected;
  }

  private isOfInterest(reply: GraphChatMessage): boolean {
    if (this.changedAfter === null) return true;
    const changed = Date.parse(reply.lastModifiedDateTime ?? reply.createdDateTime);
    return !(changed <= Date.parse(this.changedAfter));
  }
}

export function hasMoreReplies(root: GraphChatMessage): boolean {
  return Boolean(root['replies@odata.nextLink']);
}

/** Graph's order for messages: newest first, by creation time, ties broken by id (epoch-ms strings). */
function newestFirst(a: GraphChatMessage, b: GraphChatMessage): number {
  return compareMessages(b.createdDateTime, b.id, a.createdDateTime, a.id);
}

function isOlder(reply: GraphChatMessage, boundary: ReplyBoundary): boolean {
  return compareMessages(reply.createdDateTime, reply.id, boundary.at, boundary.id) < 0;
}

function compareMessages(aTime: string, aId: string, bTime: string, bId: string): number {
  const byTime = Date.parse(aTime) - Date.parse(bTime);
  if (byTime !== 0 && !Number.isNaN(byTime)) return byTime;
  if (aId.length !== bId.length) return aId.length - bId.length;
  return aId < bId ? -1 : aId > bId ? 1 : 0;
}
