import { EventStore } from '@atlas/messaging';
import { JobClosedError } from '@atlas/sync';
import { followJob } from './job-stream';

/**
 * Watches a job's events and aborts as soon as the job is closed (a cancellation, usually), so a stage
 * blocked on the platform — a long Retry-After, a slow page — stops at once instead of at its next
 * append. `signal.reason` is the JobClosedError.
 */
export class JobClosureWatch {
  private readonly controller = new AbortController();
  private readonly stopWatching = new AbortController();

  constructor(events: EventStore, job: { channel_id: string; job_id: string }, fromSeq: number, parent: AbortSignal) {
    const stop = AbortSignal.any([parent, this.stopWatching.signal]);
    void (async () => {
      try {
        for await (const _ of followJob(events, job, fromSeq, stop));
      } catch (error) {
        if (error instanceof JobClosedError) this.controller.abort(error);
      }
    })();
    parent.addEventListener('abort', () => this.controller.abort(parent.reason), { once: true });
  }

  /** Aborts when the job closes or the worker shuts down. */
  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** The error to throw if the signal aborted because the job closed. */
  closedError(): JobClosedError | null {
    return this.controller.signal.reason instanceof JobClosedError ? this.controller.signal.reason : null;
  }

  stop(): void {
    this.stopWatching.abort();
  }
}
