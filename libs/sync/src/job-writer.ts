import { AtlasEvent, channelSubject, isClosing } from '@atlas/events';
import { AppendResult, EventStore, LogEntry, WrongExpectedSequenceError } from '@atlas/messaging';

/** The job was cancelled, failed or completed: its stages must stop and publish nothing more. */
export class JobClosedError extends Error {
  constructor(
    readonly jobId: string,
    readonly closedBy: string,
  ) {
    super(`job ${jobId} is closed (${closedBy})`);
    this.name = 'JobClosedError';
  }
}

/**
 * Appends a stage's output to its job, only while the job is open: each append is conditional on the
 * channel subject's last event, which must be an event of this job that does not close it. So once a
 * cancellation (or failure) is in the log, no stage can commit anything more for the job.
 */
export class JobWriter {
  private readonly subject: string;
  /** Sequence of the last event this writer saw on the subject, while it knows the job is open there. */
  private expected: number | undefined;

  constructor(
    private readonly events: EventStore,
    readonly channelId: string,
    readonly jobId: string,
  ) {
    this.subject = channelSubject(channelId);
  }

  async append(event: AtlasEvent): Promise<AppendResult> {
    for (;;) {
      if (this.expected === undefined) this.expected = (await this.loadOpenJob()).seq;
      try {
        const result = await this.events.append(event, { expectedLastSubjectSeq: this.expected });
        // A duplicate means this exact event is already in the log; where the subject stands is unknown.
        this.expected = result.duplicate ? undefined : result.seq;
        return result;
      } catch (error) {
        if (!(error instanceof WrongExpectedSequenceError)) throw error;
        this.expected = undefined;
      }
    }
  }

  /** Throws JobClosedError unless the job is still open. */
  async assertOpen(): Promise<void> {
    this.expected = (await this.loadOpenJob()).seq;
  }

  /** Decided on the last message's headers alone: a malformed payload there must not block the job's own writers. */
  private async loadOpenJob(): Promise<LogEntry> {
    const last = await this.events.lastEntry(this.subject);
    if (!last || last.jobId !== this.jobId) {
      throw new JobClosedError(this.jobId, last ? `superseded by ${last.type ?? 'another event'}` : 'no events');
    }
    if (!last.type || isClosing(last.type)) throw new JobClosedError(this.jobId, last.type ?? 'an untyped event');
    return last;
  }
}
