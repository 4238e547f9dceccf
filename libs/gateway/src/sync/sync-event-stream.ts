import { Logger } from '@nestjs/common';
import { errorMessage } from '@atlas/common';
import type { AtlasEvent, Platform } from '@atlas/events';
import type { LogEntry } from '@atlas/messaging';
import type { JobDoc } from '@atlas/read-models';
import { jobStatusView } from './job-view';
import { SseConnection } from './sse-connection';
import { FeedAction, SyncEventFeed } from './sync-event-feed';
import { SentStatuses, sseMessage, stageEventData, waitingEventData } from './sync-event-messages';

/** What one stream follows, checked before its headers go out (so a bad request gets a 400/404 envelope). */
export interface SyncEventsScope {
  channelId: string | null;
  jobId: string | null;
  /** The client's Last-Event-ID: it gets what came after; null for a new stream, which starts with a snapshot. */
  resumeAfter: number | null;
}

/** What a stream reads: the log, the projector's position and the read models. */
export interface SyncEventReads {
  lastSequence(): Promise<number>;
  /** The scope's events after `afterSeq`, headers only, until `signal` aborts. */
  follow(scope: SyncEventsScope, afterSeq: number, signal: AbortSignal): AsyncIterable<LogEntry>;
  /** Resolves once the read models have applied the log up to `seq`. */
  projected(seq: number, signal: AbortSignal): Promise<void>;
  event(seq: number): Promise<AtlasEvent | null>;
  jobs(jobIds: string[]): Promise<JobDoc[]>;
  job(jobId: string): Promise<JobDoc | null>;
  /** The jobs a new stream starts with. */
  snapshot(scope: SyncEventsScope): Promise<JobDoc[]>;
  platform(connectionId: string): Promise<Platform | null>;
}

/** More jobs with unsent progress than this and they go out at once: it bounds a stream's memory. */
const MAX_PENDING_JOBS = 64;

/** One client's stream: a snapshot (or the resume point), then the log as the feed decides. */
export class SyncEventStream {
  private readonly sent = new SentStatuses();
  /** Sends happen one at a time, in the feed's order, whether the log or the coalescing timer asks. */
  private sending: Promise<void> = Promise.resolve();
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly reads: SyncEventReads,
    private readonly scope: SyncEventsScope,
    private readonly connection: SseConnection,
    private readonly statusIntervalMs: number,
  ) {}

  async run(): Promise<void> {
    const signal = this.connection.signal;
    const last = await this.reads.lastSequence();
    // An id past the end of the log is from another log (NATS was reset): start over as a new client.
    const resumeAfter =
      this.scope.resumeAfter !== null && this.scope.resumeAfter <= last ? this.scope.resumeAfter : null;
    const start = resumeAfter ?? last;
    if (resumeAfter === null) await this.sendSnapshot(last, signal);
    const feed = new SyncEventFeed(start, {
      jobId: this.scope.jobId ?? undefined,
      statusIntervalMs: this.statusIntervalMs,
      maxPendingJobs: MAX_PENDING_JOBS,
    });
    try {
      for await (const entry of this.reads.follow(this.scope, start, signal)) {
        await this.send(() => feed.take({ seq: entry.seq, type: entry.type, jobId: entry.jobId }, Date.now()));
        this.schedule(feed);
      }
    } finally {
      if (this.timer) clearTimeout(this.timer);
    }
  }

  private async sendSnapshot(seq: number, signal: AbortSignal): Promise<void> {
    await this.reads.projected(seq, signal);
    for (const job of await this.reads.snapshot(this.scope)) {
      await this.sendStatus(job, seq, hasEnded(job) ? 'finished' : 'status');
    }
  }

  /** Arms the coalescing timer for what the feed holds back. */
  private schedule(feed: SyncEventFeed): void {
    const dueAt = feed.dueAt();
    if (dueAt === null || this.timer || this.connection.closed) return;
    this.timer = setTimeout(
      () => {
        this.timer = null;
        this.send(() => feed.due(Date.now()))
          .then(() => this.schedule(feed))
          .catch((error: unknown) => this.fail(error));
      },
      Math.max(0, dueAt - Date.now()),
    );
  }

  private send(decide: () => FeedAction[]): Promise<void> {
    const next = this.sending.then(async () => {
      for (const action of decide()) await this.perform(action);
    });
    this.sending = next.catch(() => undefined);
    return next;
  }

  private async perform(action: FeedAction): Promise<void> {
    const signal = this.connection.signal;
    switch (action.kind) {
      case 'statuses': {
        await this.reads.projected(action.upTo, signal);
        // A job the read models already show ended still gets `status` here: its end comes as `finished`.
        for (const job of await this.reads.jobs(action.jobIds)) await this.sendStatus(job, action.id, 'status');
        return;
      }
      case 'finished': {
        await this.reads.projected(action.seq, signal);
        const job = await this.reads.job(action.jobId);
        if (job) await this.sendStatus(job, action.id, 'finished');
        return;
      }
      case 'stage': {
        const event = await this.reads.event(action.seq);
        const data = event && stageEventData(event);
        if (data) await this.connection.write(sseMessage('stage', data, action.id));
        return;
      }
      case 'waiting': {
        const [event, job] = await Promise.all([this.reads.event(action.seq), this.reads.job(action.jobId)]);
        const platform = job ? await this.reads.platform(job.connection_id) : null;
        const data = event && waitingEventData(event, platform);
        if (data) await this.connection.write(sseMessage('waiting', data, action.id));
        return;
      }
    }
  }

  /** A job's status object; a `status` identical to the one sent last for the job is left out. */
  private async sendStatus(job: JobDoc, id: number, type: 'status' | 'finished'): Promise<void> {
    const view = jobStatusView(job, new Date());
    if (type === 'finished') this.sent.forget(job.job_id);
    else if (!this.sent.isNew(job.job_id, JSON.stringify(view))) return;
    await this.connection.write(sseMessage(type, view, id));
  }

  private fail(error: unknown): void {
    if (!this.connection.closed) Logger.warn(`event stream failed: ${errorMessage(error)}`, 'SyncEvents');
    this.connection.close();
  }
}

/** A cancelled job has ended once its SyncCancelled is in (finished_at); until then stages may still report. */
function hasEnded(job: JobDoc): boolean {
  return job.status === 'completed' || job.status === 'failed' || (job.status === 'cancelled' && !!job.finished_at);
}
