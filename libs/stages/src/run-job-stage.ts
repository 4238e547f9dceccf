import { Logger } from '@nestjs/common';
import { errorMessage, jobsInProgress, TransientError } from '@atlas/common';
import { EventDataOf, InvalidEventError, JobError, StageName } from '@atlas/events';
import { EventStore, JetStreamEventContext } from '@atlas/messaging';
import { PlatformError, SecretBoxError } from '@atlas/platforms';
import { JobClosedError, JobWriter } from '@atlas/sync';
import { withLogFields } from '@atlas/runtime';
import { failJob } from './fail-job';
import { recordStageRetry, StageRetry } from './stage-retry';
import { StageLog } from './stage-log';

export interface JobStage {
  stage: StageName;
  producer: string;
  /** Deliveries of the trigger before a transient failure fails the job instead of being retried. */
  maxDeliver: number;
}

/** A failure that ends the job with this error (the input or the platform will not get better). */
export class JobFailure extends Error {
  constructor(readonly error: JobError) {
    super(error.message);
    this.name = 'JobFailure';
  }
}

const log = new Logger('JobStage');

/**
 * Runs one stage of one job and settles the outcome the way the pipeline needs it:
 * - the job was cancelled, failed or completed meanwhile: stop quietly (the trigger is acked);
 * - a platform refusal, poison input or a JobFailure: the job fails with the spec's code;
 * - a transient failure: recorded on the job (SyncStageRetrying: why, and when the next attempt is due),
 *   then TransientError, so the transport naks the trigger with the platform's delay, until the last
 *   delivery, when the job fails with PLATFORM_ERROR instead.
 * It logs one line when the stage starts and one when it ends (stage-log.ts), and every line logged
 * while it runs carries job_id, channel_id and stage.
 */
export async function runJobStage(
  stage: JobStage,
  events: EventStore,
  started: EventDataOf<'SyncStarted'>,
  context: JetStreamEventContext,
  work: (writer: JobWriter) => Promise<void>,
): Promise<void> {
  const identity = { job_id: started.job_id, channel_id: started.channel_id, stage: stage.stage };
  // Every line logged while the stage runs carries the job's fields, whoever logs it.
  await withLogFields(identity, async () => {
    const stageLog = new StageLog(identity, context.deliveryCount);
    stageLog.started();
    try {
      const ended = await settleJobStage(stage, events, started, context, work);
      stageLog.ended(ended.outcome, ended.details);
    } catch (error) {
      // A transient failure is redelivered: the stage goes on, in this process or another.
      if (context.signal.aborted) stageLog.ended('interrupted');
      throw error;
    }
  });
}

interface StageEnd {
  outcome: 'completed' | 'failed' | 'job_closed';
  details?: Record<string, unknown>;
}

async function settleJobStage(
  stage: JobStage,
  events: EventStore,
  started: EventDataOf<'SyncStarted'>,
  context: JetStreamEventContext,
  work: (writer: JobWriter) => Promise<void>,
): Promise<StageEnd> {
  const writer = new JobWriter(events, started.channel_id, started.job_id);
  const fail = async (error: JobError): Promise<StageEnd> => {
    await failJob(writer, started, stage.stage, error, stage.producer);
    return { outcome: 'failed', details: { error_code: error.code } };
  };
  const leave = jobsInProgress.enter({ job_id: started.job_id, channel_id: started.channel_id, stage: stage.stage });
  try {
    await writer.assertOpen();
    await work(writer);
    return { outcome: 'completed' };
  } catch (error) {
    if (error instanceof JobClosedError) return { outcome: 'job_closed' };
    if (context.signal.aborted) throw error;
    if (error instanceof JobFailure) return await fail(error.error);
    if (error instanceof InvalidEventError) {
      return await fail({
        code: 'INTERNAL_ERROR',
        message: `${stage.stage} met an invalid event: ${error.message}`,
        details: {},
      });
    }
    if (error instanceof SecretBoxError) {
      return await fail({
        code: 'AUTH_ERROR',
        message: `The connection's credentials cannot be used: ${error.message}`,
        details: {},
      });
    }
    if (error instanceof PlatformError) {
      const details = error.retryAfterSeconds === undefined ? {} : { retry_after: Math.ceil(error.retryAfterSeconds) };
      if (!error.transient || context.deliveryCount >= stage.maxDeliver) {
        return await fail({ code: error.code, message: error.message, details });
      }
      const delayMs =
        error.retryAfterSeconds !== undefined ? error.retryAfterSeconds * 1000 : backoffMs(context.deliveryCount);
      return await retryLater(error, { code: error.code, retryAfterSeconds: error.retryAfterSeconds, delayMs });
    }
    if (context.deliveryCount >= stage.maxDeliver) {
      log.error(`${stage.stage} of ${started.job_id} failed for good: ${errorMessage(error)}`, { err: error });
      return await fail({
        code: 'INTERNAL_ERROR',
        message: `${stage.stage} failed: ${errorMessage(error)}`,
        details: {},
      });
    }
    return await retryLater(error, { code: 'INTERNAL_ERROR', delayMs: backoffMs(context.deliveryCount) });
  } finally {
    leave();
  }

  /** Shows on the job why it is stuck, then has the transport redeliver the trigger after the delay. */
  async function retryLater(
    error: unknown,
    retry: Pick<StageRetry, 'code' | 'retryAfterSeconds' | 'delayMs'>,
  ): Promise<StageEnd> {
    try {
      await recordStageRetry(writer, started, {
        ...retry,
        stage: stage.stage,
        producer: stage.producer,
        attempt: context.deliveryCount,
        maxAttempts: stage.maxDeliver,
      });
    } catch (recording) {
      // Closed meanwhile (cancelled, say): nothing to retry.
      if (recording instanceof JobClosedError) return { outcome: 'job_closed' };
      log.warn(`could not record the retry of ${stage.stage} of ${started.job_id}: ${errorMessage(recording)}`);
    }
    throw new TransientError(errorMessage(error), retry.delayMs, error);
  }
}

function backoffMs(deliveryCount: number): number {
  return Math.min(60_000, 1_000 * 2 ** (deliveryCount - 1));
}
