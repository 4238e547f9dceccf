import { TERMINAL_EVENT_TYPES } from '@atlas/events';
import type { StageName } from '@atlas/events';

/** What the feed needs of a log entry: its sequence and the type and job its headers name. */
export interface FeedEntry {
  seq: number;
  type: string | undefined;
  jobId: string | undefined;
}

/**
 * What to send, in order. Each carries the SSE id to send with it: the sequence up to which everything
 * the stream owes the client has been sent once it is written, so resuming after it misses nothing.
 */
export type FeedAction =
  /** The status of each job, read once the read models have applied the log up to `upTo`. */
  | { kind: 'statuses'; jobIds: string[]; upTo: number; id: number }
  /** A moment the client must see even if it comes between two status events: built from the event at `seq`. */
  | { kind: 'stage' | 'waiting' | 'finished'; jobId: string; seq: number; id: number };

/** The events after which a job's current stage is the next one (see currentStage in libs/read-models). */
export const STAGE_BEGUN_BY: Readonly<Record<string, { stage: StageName; previous: StageName | null }>> = {
  SyncStarted: { stage: 'fetching_messages', previous: null },
  FetchCompleted: { stage: 'extracting_facts', previous: 'fetching_messages' },
  ExtractionCompleted: { stage: 'building_graph', previous: 'extracting_facts' },
  GraphCompleted: { stage: 'generating_wiki', previous: 'building_graph' },
};

const TERMINAL: readonly string[] = TERMINAL_EVENT_TYPES;

/**
 * Decides, entry by entry of the log, what a sync event stream sends. Progress is coalesced: a job's
 * changes wait until `statusIntervalMs` has passed since the last status events, then one status per job
 * goes out. Stage changes, waits and ends are never coalesced away: each goes out when its event is read.
 *
 * Memory is bounded by the jobs with unsent changes, and those are flushed once there are `maxPendingJobs`.
 */
export class SyncEventFeed {
  /** Jobs whose status changed since it was last sent: the first and last sequence of those changes. */
  private readonly pending = new Map<string, { first: number; last: number }>();
  private lastFlushAt = Number.NEGATIVE_INFINITY;

  constructor(
    /** Sequence the stream starts after: everything up to it was sent (or is the client's own Last-Event-ID). */
    private handled: number,
    private readonly options: { jobId?: string; statusIntervalMs: number; maxPendingJobs: number },
  ) {}

  /** Sequence of the last entry taken. */
  get position(): number {
    return this.handled;
  }

  /** Takes the next entry of the log (in order), answering what to send now. */
  take(entry: FeedEntry, now: number): FeedAction[] {
    if (entry.seq <= this.handled) return [];
    const { jobId, type } = entry;
    if (!jobId || !type || (this.options.jobId !== undefined && jobId !== this.options.jobId)) {
      this.handled = entry.seq;
      return [];
    }
    if (TERMINAL.includes(type)) {
      // The end carries the job's final status itself; the other jobs' changes go out before it.
      this.pending.delete(jobId);
      const actions = this.flush(now, entry.seq - 1);
      this.handled = entry.seq;
      return [...actions, { kind: 'finished', jobId, seq: entry.seq, id: entry.seq }];
    }
    this.markChanged(jobId, entry.seq);
    const moment = STAGE_BEGUN_BY[type] ? 'stage' : type === 'SyncStageRetrying' ? 'waiting' : null;
    if (moment) {
      // The moment first, then the statuses (this job's shows the moment's effect): both before the entry counts as sent.
      const action: FeedAction = { kind: moment, jobId, seq: entry.seq, id: this.watermark(entry.seq - 1) };
      this.handled = entry.seq;
      return [action, ...this.flush(now, entry.seq)];
    }
    this.handled = entry.seq;
    return this.pending.size >= this.options.maxPendingJobs ? this.flush(now, entry.seq) : [];
  }

  /** When the coalesced statuses are due (null when nothing waits). */
  dueAt(): number | null {
    if (this.pending.size === 0) return null;
    return this.lastFlushAt + this.options.statusIntervalMs;
  }

  /** The coalesced statuses, if they are due at `now`. */
  due(now: number): FeedAction[] {
    const dueAt = this.dueAt();
    return dueAt !== null && now >= dueAt ? this.flush(now, this.handled) : [];
  }

  private markChanged(jobId: string, seq: number): void {
    const current = this.pending.get(jobId);
    if (current) current.last = seq;
    else this.pending.set(jobId, { first: seq, last: seq });
  }

  /** Every pending job's status, sent as of `sentUpTo`: nothing remains owed up to it afterwards. */
  private flush(now: number, sentUpTo: number): FeedAction[] {
    if (this.pending.size === 0) return [];
    const jobIds = [...this.pending.keys()];
    const upTo = Math.max(...[...this.pending.values()].map((p) => p.last));
    this.pending.clear();
    this.lastFlushAt = now;
    return [{ kind: 'statuses', jobIds, upTo, id: sentUpTo }];
  }

  /** The id to send now: everything up to `handledUpTo` is sent except the jobs still pending. */
  private watermark(handledUpTo: number): number {
    let id = handledUpTo;
    for (const { first } of this.pending.values()) id = Math.min(id, first - 1);
    return id;
  }
}
