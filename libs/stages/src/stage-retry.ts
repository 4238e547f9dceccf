import { isoSeconds } from '@atlas/common';
import { createEvent, EventDataOf, JobErrorCode, StageName } from '@atlas/events';
import { JobWriter } from '@atlas/sync';

/** A transient failure of a stage, as the job's readers will see it while the stage waits to retry. */
export interface StageRetry {
  stage: StageName;
  producer: string;
  code: JobErrorCode;
  /** The platform's Retry-After, when it sent one. */
  retryAfterSeconds?: number;
  /** The attempt that failed (the trigger's delivery count) and how many there are in all. */
  attempt: number;
  maxAttempts: number;
  delayMs: number;
}

/**
 * Records on the job why its stage is stuck and when it tries again, through the job's guarded writer (so
 * nothing is recorded once the job is closed: that throws JobClosedError). The message is generic on
 * purpose: the raw failure (a socket error, an internal address, a platform's answer) stays in the logs.
 */
export async function recordStageRetry(
  writer: JobWriter,
  job: Pick<EventDataOf<'SyncStarted'>, 'job_id' | 'channel_id'>,
  retry: StageRetry,
  now = new Date(),
): Promise<void> {
  const retryingAt = new Date(Math.ceil((now.getTime() + retry.delayMs) / 1000) * 1000);
  const details = retry.retryAfterSeconds === undefined ? {} : { retry_after: Math.ceil(retry.retryAfterSeconds) };
  await writer.append(
    createEvent(
      'SyncStageRetrying',
      {
        job_id: job.job_id,
        channel_id: job.channel_id,
        stage: retry.stage,
        error: {
          code: retry.code,
          message: `${REASONS[retry.code]}; ${retry.stage} is retried (attempt ${retry.attempt} of ${retry.maxAttempts} failed)`,
          details,
        },
        attempt: retry.attempt,
        retrying_at: isoSeconds(retryingAt),
      },
      { producer: retry.producer, occurredAt: now },
    ),
  );
}

/** A request of a running stage that waits out a platform's throttle, as the job's readers see it meanwhile. */
export interface StageWait {
  stage: StageName;
  producer: string;
  code: 'RATE_LIMIT' | 'PLATFORM_ERROR';
  /** The platform's wait, when it named one. */
  retryAfterSeconds?: number;
  /** The running attempt, and the wait's number in it. */
  attempt: number;
  wait: number;
  delayMs: number;
}

/**
 * Records on the job that its stage waits for the platform and when the request goes again: the same
 * event as a retry (so status and history show it the same way, until the stage publishes again), with
 * `wait` saying the attempt has not failed.
 */
export async function recordStageWait(
  writer: JobWriter,
  job: Pick<EventDataOf<'SyncStarted'>, 'job_id' | 'channel_id'>,
  wait: StageWait,
  now = new Date(),
): Promise<void> {
  const retryingAt = new Date(Math.ceil((now.getTime() + wait.delayMs) / 1000) * 1000);
  const details = wait.retryAfterSeconds === undefined ? {} : { retry_after: Math.ceil(wait.retryAfterSeconds) };
  await writer.append(
    createEvent(
      'SyncStageRetrying',
      {
        job_id: job.job_id,
        channel_id: job.channel_id,
        stage: wait.stage,
        error: { code: wait.code, message: `${REASONS[wait.code]}; ${wait.stage} waits for it`, details },
        attempt: wait.attempt,
        retrying_at: isoSeconds(retryingAt),
        wait: wait.wait,
      },
      { producer: wait.producer, occurredAt: now },
    ),
  );
}

const REASONS: Record<JobErrorCode, string> = {
  PLATFORM_ERROR: 'Could not reach the platform',
  RATE_LIMIT: 'The platform is limiting the rate of requests',
  AUTH_ERROR: 'The platform refused the credentials',
  CHANNEL_NOT_FOUND: 'The platform did not find the channel',
  INTERNAL_ERROR: 'The stage failed unexpectedly',
};
