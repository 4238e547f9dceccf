import { channelSubject, EventDataOf, EventType, isClosing } from '@atlas/events';
import { EventStore, LogEntry } from '@atlas/messaging';
import { JobClosedError } from '@atlas/sync';

/**
 * A job's events after its SyncStarted, as they are appended (headers only: type, job and batch; a stage
 * loads the payloads it needs). Throws JobClosedError as soon as the job is cancelled, fails or
 * completes, so a following stage stops on its own.
 */
export async function* followJob(
  events: EventStore,
  job: { channel_id: string; job_id: string },
  fromSeq: number,
  signal: AbortSignal,
): AsyncGenerator<LogEntry> {
  for await (const message of events.read(channelSubject(job.channel_id), {
    fromSeq,
    follow: true,
    headersOnly: true,
    signal,
  })) {
    if (message.jobId !== job.job_id)
      throw new JobClosedError(job.job_id, `superseded by ${message.type ?? 'another event'}`);
    if (message.type && isClosing(message.type)) throw new JobClosedError(job.job_id, message.type);
    yield message;
  }
  signal.throwIfAborted();
}

/** The job's events of these types already in the log: what an earlier attempt of a stage published. */
export async function publishedSoFar(
  events: EventStore,
  job: { channel_id: string; job_id: string },
  fromSeq: number,
  types: EventType[],
): Promise<LogEntry[]> {
  const found: LogEntry[] = [];
  for await (const message of events.read(channelSubject(job.channel_id), { fromSeq, headersOnly: true })) {
    if (message.jobId === job.job_id && types.includes(message.type as EventType)) found.push(message);
  }
  return found;
}

/** Loads the payload of an event the stage saw in headers-only form. */
export function payloadOf<T extends EventType>(
  events: EventStore,
  message: LogEntry,
  type: T,
): Promise<EventDataOf<T>> {
  return payloadAt(events, message.seq, type);
}

/** Loads the payload of the event at a log sequence, which must be of this type. */
export async function payloadAt<T extends EventType>(
  events: EventStore,
  seq: number,
  type: T,
): Promise<EventDataOf<T>> {
  const event = (await events.entryAt(seq))?.decode();
  if (!event || event.type !== type) throw new Error(`event #${seq} is not a ${type}`);
  return event.data as EventDataOf<T>;
}
