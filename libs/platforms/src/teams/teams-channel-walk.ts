import type { NormalizedMessage } from '@atlas/events';
import type { FetchedPage, FetchRequest } from '../connector';
import { estimateFromTimeCoverage } from '../progress/time-coverage-estimate';
import type { GraphAnswer, GraphClient } from './graph-client';
import type { GraphChatMessage, GraphCollection, GraphDeltaEntry } from './graph-types';
import { encodeTeamsCursor } from './teams-cursor';
import { normalizeTeamsMessage, teamsTombstone } from './teams-message';
import { encodeTeamsPageToken, TeamsPagePosition, TeamsWalkProgress, TeamsWalkStep } from './teams-page-token';
import { RootPage } from './teams-root-page';

export interface TeamsWalkContext {
  channelId: string;
  /** When the channel was created (ms), where a history walk ends; null when Graph did not say. */
  channelCreatedMs: number | null;
  /** The first page of a delta round filtered on `changedAfter`, for when a delta token expired. */
  restartDelta(changedAfter: string): string;
}

interface StepResult {
  messages: NormalizedMessage[];
  next: TeamsWalkStep | null;
}

/**
 * Walks a channel from a position, page of root messages after page: the roots, then the replies of
 * each of their threads, then the next page. Every page yielded carries the position of the next one,
 * so a fresh process can continue from any page; steps that yield nothing (a thread whose replies did
 * not change) are walked through without a page of their own, and `skip` applies to the first page
 * yielded.
 *
 * A history walk ends with a cursor holding its start time: the next fetch opens a delta round
 * filtered on it. A delta walk keeps the previous cursor until the round's deltaLink is reached.
 */
export class TeamsChannelWalk {
  private skip: number;

  constructor(
    private readonly api: GraphClient,
    private readonly context: TeamsWalkContext,
    private readonly request: FetchRequest,
    private position: TeamsPagePosition,
  ) {
    this.skip = request.resume?.token ? request.resume.skip : 0;
  }

  async *pages(): AsyncGenerator<FetchedPage> {
    let page: RootPage | null = null;
    for (;;) {
      if (page?.url !== this.position.page) page = await this.load(page === null);
      const { messages, next } = await this.walkStep(page, this.position.step);
      const nextPosition = this.advance(page, messages, next);
      const last = nextPosition === null;
      if (messages.length > 0 || last) {
        yield {
          messages: messages.slice(this.skip),
          nextToken: nextPosition && encodeTeamsPageToken(nextPosition),
          cursor: last ? this.finalCursor(page) : this.ongoingCursor(),
          ...this.estimate(page, nextPosition),
        };
        this.skip = 0;
      }
      if (nextPosition === null) return;
      this.position = nextPosition;
    }
  }

  /** Fetches the page of the current position; a resumed position whose thread left the page starts the page over. */
  private async load(resuming: boolean): Promise<RootPage> {
    const answer = await this.fetchRootPage();
    const page = new RootPage(this.position.page, answer.body, this.position.changedAfter);
    if (resuming && !page.holds(this.position.step)) {
      // Messages posted since moved the thread to a later page: walking this one again repeats
      // messages but loses none, and what was published of the lost page can no longer be told.
      this.position = { ...this.position, step: { kind: 'roots' } };
      this.skip = 0;
    }
    return page;
  }

  private async fetchRootPage(): Promise<GraphAnswer<GraphCollection<GraphDeltaEntry>>> {
    const { signal } = this.request;
    const { mode, changedAfter, page } = this.position;
    if (mode === 'history' || changedAfter === null) return this.api.messagePage(page, signal);
    const answer = await this.api.deltaPage(page, signal);
    if (answer !== null) return answer;
    // The delta token expired (410 Gone): a new round filtered on the same time finds the same changes.
    this.position = { ...this.position, page: this.context.restartDelta(changedAfter), step: { kind: 'roots' } };
    this.skip = 0;
    return this.api.messagePage(this.position.page, signal);
  }

  private async walkStep(page: RootPage, step: TeamsWalkStep): Promise<StepResult> {
    const channelId = this.context.channelId;
    switch (step.kind) {
      case 'roots': {
        const fallbackTime = this.position.startedAt;
        const tombstones = page.removed.map((entry) => teamsTombstone(entry.id, channelId, null, fallbackTime));
        const roots = page
          .rootsWithKnownReplyCount()
          .map((root) => normalizeTeamsMessage(root, channelId, root.replies?.length ?? 0));
        return { messages: [...tombstones, ...roots], next: page.firstThreadStep() };
      }
      case 'thread': {
        const { replies, next } = page.inlineReplies(page.root(step.root)!, step.before);
        return { messages: this.normalize(replies), next };
      }
      case 'overflow': {
        const answer = await this.api.repliesPage(step.url, this.request.signal);
        // The root was deleted for good meanwhile: its thread is gone with it.
        if (answer === null) return { messages: [], next: page.afterThread(step.root) };
        const replies = Array.isArray(answer.body.value) ? answer.body.value : [];
        const counted = step.counted + replies.length;
        const more = answer.body['@odata.nextLink'];
        return {
          messages: this.normalize(page.selectReplies(replies)),
          next: more
            ? { kind: 'overflow', root: step.root, url: more, counted }
            : { kind: 'root', root: step.root, counted },
        };
      }
      case 'root':
        return {
          messages: [normalizeTeamsMessage(page.root(step.root)!, channelId, step.counted)],
          next: page.afterThread(step.root),
        };
    }
  }

  /** The position after this step, with the progress it made; null when the walk is over. */
  private advance(page: RootPage, messages: NormalizedMessage[], next: TeamsWalkStep | null): TeamsPagePosition | null {
    const progress = this.progress(page, messages);
    this.position = { ...this.position, progress };
    if (next !== null) return { ...this.position, step: next };
    if (page.next === null) return null;
    return { ...this.position, page: page.next, step: { kind: 'roots' } };
  }

  private progress(page: RootPage, messages: NormalizedMessage[]): TeamsWalkProgress {
    const { fetched, newest, oldest } = this.position.progress;
    const rootTimes =
      this.position.step.kind === 'roots' ? page.roots.map((root) => Date.parse(root.createdDateTime)) : [];
    const valid = rootTimes.filter((time) => !Number.isNaN(time));
    return {
      fetched: fetched + messages.length,
      newest: valid.length > 0 ? Math.max(newest ?? -Infinity, ...valid) : newest,
      oldest: valid.length > 0 ? Math.min(oldest ?? Infinity, ...valid) : oldest,
    };
  }

  private estimate(page: RootPage, next: TeamsPagePosition | null): Pick<FetchedPage, 'estimatedTotal'> {
    const { fetched, newest, oldest } = this.position.progress;
    if (next === null) return { estimatedTotal: fetched };
    // A delta round comes in the order things changed, which says nothing about how much is left.
    if (this.position.mode === 'delta') return {};
    if (newest === null || oldest === null || this.context.channelCreatedMs === null) return { estimatedTotal: null };
    const samePage = next.page === page.url ? next.step : null;
    return {
      estimatedTotal: estimateFromTimeCoverage({
        fetched,
        newestMs: newest,
        oldestSoFarMs: oldest,
        originMs: this.context.channelCreatedMs,
        knownPending: page.pendingReplies(samePage),
      }),
    };
  }

  private ongoingCursor(): string | null {
    if (this.position.mode === 'history') return encodeTeamsCursor({ since: this.position.startedAt, delta: null });
    // Until the round is complete, the channel is only as current as the previous cursor says.
    return this.request.resume?.cursor ?? this.request.since;
  }

  private finalCursor(page: RootPage): string {
    return encodeTeamsCursor({
      since: this.position.startedAt,
      delta: this.position.mode === 'delta' ? page.deltaLink : null,
    });
  }

  private normalize(messages: GraphChatMessage[]): NormalizedMessage[] {
    return messages.map((message) => normalizeTeamsMessage(message, this.context.channelId));
  }
}
