import { Logger } from '@nestjs/common';
import { errorMessage } from '@atlas/common';
import type { EventDataOf } from '@atlas/events';
import type { PlatformWait } from '@atlas/platforms';
import { JobClosedError, JobWriter } from '@atlas/sync';
import { recordStageWait } from '../stage-retry';

/** Waits shorter than this pass before anyone would read the status: not worth an event. */
export const SHOWN_WAIT_MS = 5000;

const log = new Logger('FetchWaitNotices');

/**
 * Shows on the job that the fetch waits out a platform's throttle (a 429 or 503 naming a wait of at least
 * SHOWN_WAIT_MS, or a backoff that long), with when the request goes again. Its own pace is not shown:
 * that is the fetch going as fast as it may.
 */
export class FetchWaitNotices {
  private waits = 0;
  private recorded: Promise<void> = Promise.resolve();

  constructor(
    private readonly writer: JobWriter,
    private readonly started: EventDataOf<'SyncStarted'>,
    private readonly attempt: number,
    private readonly producer: string,
  ) {}

  /** The connector's onWait. */
  readonly onWait = (ms: number, why: PlatformWait): void => {
    if (why.kind !== 'retry' || ms < SHOWN_WAIT_MS) return;
    this.waits += 1;
    const wait = {
      stage: 'fetching_messages' as const,
      producer: this.producer,
      code: why.code,
      retryAfterSeconds: why.retryAfterSeconds,
      attempt: this.attempt,
      wait: this.waits,
      delayMs: ms,
    };
    this.recorded = this.recorded
      .then(() => recordStageWait(this.writer, this.started, wait))
      .catch((error: unknown) => {
        // Closed meanwhile (cancelled, say): the fetch stops on its own.
        if (!(error instanceof JobClosedError)) log.warn(`could not show a wait of the fetch: ${errorMessage(error)}`);
      });
  };

  /** Resolves once every wait shown so far is in the log, so what the fetch publishes next comes after it. */
  settled(): Promise<void> {
    return this.recorded;
  }
}
