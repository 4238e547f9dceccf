import { AtlasEvent, channelSubject } from '@atlas/events';
import { EventStore, StoredEvent, WrongExpectedSequenceError } from '@atlas/messaging';
import { ChannelSnapshot, channelStateOf } from './channel-state';

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
  const subject = channelSubject(channelId);
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    const snapshot = channelStateOf(await events.lastEntry(subject));
    const decision = decide(snapshot);
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
