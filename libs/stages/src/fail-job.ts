import { createEvent, EventDataOf, JobError, StageName } from '@atlas/events';
import { JobClosedError, JobWriter } from '@atlas/sync';

/**
 * Ends a job as failed, with the spec's error code. Failing a job that is already closed is a no-op:
 * whoever closed it first decided its outcome.
 */
export async function failJob(
  writer: JobWriter,
  /** The job's identity and the cursor to keep: its SyncStarted, or its read model. */
  started: Pick<EventDataOf<'SyncStarted'>, 'job_id' | 'channel_id' | 'connection_id' | 'previous_cursor'>,
  stage: StageName | null,
  error: JobError,
  producer: string,
): Promise<void> {
  const failed = createEvent(
    'SyncFailed',
    {
      job_id: started.job_id,
      channel_id: started.channel_id,
      connection_id: started.connection_id,
      cursor: started.previous_cursor,
      stage,
      error,
    },
    { producer },
  );
  try {
    await writer.append(failed);
  } catch (e) {
    if (!(e instanceof JobClosedError)) throw e;
  }
}
