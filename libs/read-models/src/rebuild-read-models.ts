import { ALL_EVENTS_SUBJECT, InvalidEventError } from '@atlas/events';
import type { EventStore } from '@atlas/messaging';
import type { ReadModelStore } from '@atlas/store';
import { Projector } from './projector';

/**
 * Throws the read models away and folds the whole log into them again, exactly as the projector does
 * live. The projector must be stopped meanwhile; when it starts again it continues from its durable
 * consumer's position, which the rebuild has reached.
 */
export async function rebuildReadModels(
  store: ReadModelStore,
  events: EventStore,
): Promise<{ events: number; rejected: number }> {
  const projector = new Projector(store);
  await projector.reset();
  let applied = 0;
  let rejected = 0;
  for await (const message of events.read(ALL_EVENTS_SUBJECT, { fromSeq: 1 })) {
    try {
      await projector.apply({ seq: message.seq, subject: message.subject, event: message.decode() });
      applied += 1;
    } catch (error) {
      if (!(error instanceof InvalidEventError)) throw error;
      await projector.reject(message.seq, { jobId: error.hint.job_id, type: error.hint.type, reason: error.message });
      rejected += 1;
    }
  }
  return { events: applied, rejected };
}
