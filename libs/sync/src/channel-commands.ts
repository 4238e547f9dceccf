import { AtlasEvent, channelSubject } from '@atlas/events';
import { EventStore, StoredEvent, WrongExpectedSequenceError } from '@atlas/messaging';
import { ChannelSnapshot, channelStateOf } from './channel-state';
import { evolveJobFate, fateOnChannel, isFinal, JobFate, UNKNOWN_FATE } from './job-fate';

/** What a decision on the channel aggregate concluded. */
export type Decision<R> =
  | {
      kind: 'append';
      events: AtlasEvent[];
      result: (appended: StoredEvent[]) => R;
      /**
       * What it means that the log already holds this event (same Nats-Msg-Id). Undefined (the default)
       * means: decide again on the reloaded state.
       */
      ifDuplicate?: (event: AtlasEvent) => R | undefined;
    }
  | { kind: 'done'; result: R };

const MAX_ATTEMPTS = 50;

/**
 * Runs a decision against the channel's current state and appends what it decided, each event only if
 * the subject is still where the decision saw it. When another writer got there first, the state is
 * reloaded and the decision made again; this is what makes "one active job per channel" hold under
 * any number of concurrent requests.
 */
export async function decideOnChannel<R>(
  events: EventStore,
  channelId: string,
  decide: (snapshot: ChannelSnapshot) => Decision<R>,
): Promise<R> {
  return decideOn(events, channelId, async (snapshot) => snapshot, decide);
}

/** A job of a channel, as its SyncRequested placed it in the log. */
export interface JobRef {
  job_id: string;
  channel_id: string;
  /** Stream sequence of the job's SyncRequested: its events come after it on the channel subject. */
  requested_seq: number;
}

/** What a decision about one job sees: the channel's state, and the job's fate as of the same moment. */
export interface JobSnapshot {
  channel: ChannelSnapshot;
  job: JobFate;
}

/**
 * decideOnChannel for a decision about one job. The job's fate is read from the channel's last event
 * when that event tells it, otherwise folded from the job's own events (headers only, and the payload
 * of its few lifecycle events), up to the channel's sequence the decision is based on.
 */
export async function decideOnJob<R>(
  events: EventStore,
  job: JobRef,
  decide: (snapshot: JobSnapshot) => Decision<R>,
): Promise<R> {
  return decideOn(
    events,
    job.channel_id,
    async (channel) => ({
      channel,
      job: fateOnChannel(channel, job.job_id) ?? (await readJobFate(events, job, channel.seq)),
    }),
    decide,
  );
}

async function readJobFate(events: EventStore, job: JobRef, upToSeq: number): Promise<JobFate> {
  let fate = UNKNOWN_FATE;
  for await (const entry of events.read(channelSubject(job.channel_id), {
    fromSeq: job.requested_seq,
    headersOnly: true,
  })) {
    if (entry.seq > upToSeq) break;
    if (entry.jobId !== job.job_id || !entry.type) continue;
    const needsPayload = entry.type === 'SyncCancelRequested';
    const event = needsPayload
      ? ((await events.entryAt(entry.seq))?.decode() ?? null)
      : { type: entry.type as AtlasEvent['type'] };
    if (!event) throw new Error(`event #${entry.seq} of ${job.job_id} is gone from the log`);
    fate = evolveJobFate(fate, event, entry.seq);
    if (isFinal(fate)) break;
  }
  return fate;
}

async function decideOn<S, R>(
  events: EventStore,
  channelId: string,
  load: (snapshot: ChannelSnapshot) => Promise<S>,
  decide: (state: S) => Decision<R>,
): Promise<R> {
  const subject = channelSubject(channelId);
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    const snapshot = channelStateOf(await events.lastEntry(subject));
    const decision = decide(await load(snapshot));
    if (decision.kind === 'done') return decision.result;
    try {
      const appended: StoredEvent[] = [];
      let expected = snapshot.seq;
      for (const event of decision.events) {
        const { seq, duplicate } = await events.append(event, { expectedLastSubjectSeq: expected });
        if (duplicate) {
          const result = decision.ifDuplicate?.(event);
          if (result !== undefined) return result;
          throw new WrongExpectedSequenceError(subject, expected);
        }
        appended.push({ seq, subject, event });
        expected = seq;
      }
      return decision.result(appended);
    } catch (error) {
      if (!(error instanceof WrongExpectedSequenceError)) throw error;
    }
  }
  throw new Error(`${subject} kept changing: gave up after ${MAX_ATTEMPTS} attempts`);
}
