import { DiscardPolicy, JetStreamManager, RetentionPolicy, StorageType, StreamConfig } from '@nats-io/jetstream';
import { nanos } from '@nats-io/transport-node';
import { ALL_EVENTS_SUBJECT } from '@atlas/events';

export const STREAM_NAME = 'ATLAS_EVENTS';

/**
 * Retried publishes within this window are dropped by the server (Nats-Msg-Id). It bounds the time a
 * crashed producer has to retry, and the scheduler's catch-up grace (it is longer than both).
 */
export const DUPLICATE_WINDOW_MS = 15 * 60_000;

/**
 * The event log is the source of truth: file storage, nothing expires, and deletes and purges are
 * refused so no read model can ever become unrebuildable.
 */
export const EVENT_STREAM_CONFIG: Partial<StreamConfig> & { name: string } = {
  name: STREAM_NAME,
  subjects: [ALL_EVENTS_SUBJECT],
  storage: StorageType.File,
  retention: RetentionPolicy.Limits,
  discard: DiscardPolicy.Old,
  max_msgs: -1,
  max_bytes: -1,
  max_age: 0,
  duplicate_window: nanos(DUPLICATE_WINDOW_MS),
  deny_delete: true,
  deny_purge: true,
  num_replicas: 1,
};

export async function ensureEventStream(jsm: JetStreamManager): Promise<void> {
  const existing = await jsm.streams.info(STREAM_NAME).catch(() => null);
  if (!existing) {
    await jsm.streams.add(EVENT_STREAM_CONFIG);
    return;
  }
  const { duplicate_window } = existing.config;
  if (duplicate_window !== EVENT_STREAM_CONFIG.duplicate_window) {
    await jsm.streams.update(STREAM_NAME, {
      ...existing.config,
      duplicate_window: EVENT_STREAM_CONFIG.duplicate_window,
    });
  }
}
