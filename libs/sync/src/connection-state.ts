import { connectionSubject } from '@atlas/events';
import type { EventDataOf } from '@atlas/events';
import type { EventStore } from '@atlas/messaging';

/** A connection as its last event left it: the whole state, credentials still sealed. */
export interface ConnectionSnapshot {
  connection: EventDataOf<'ConnectionCreated'>;
  /** Sequence of the last event on the connection subject: updates are appended conditional on it. */
  seq: number;
}

/**
 * Reads a connection from its subject's last event. ConnectionCreated and ConnectionUpdated both carry
 * the whole state ("closing the books"), so nothing older is needed; null once deleted or never created.
 */
export async function readConnection(events: EventStore, connectionId: string): Promise<ConnectionSnapshot | null> {
  const last = await events.lastEntry(connectionSubject(connectionId));
  if (!last) return null;
  const event = last.decode();
  if (event.type !== 'ConnectionCreated' && event.type !== 'ConnectionUpdated') return null;
  const { connection_id, name, platform, config, credentials } = event.data;
  return { connection: { connection_id, name, platform, config, credentials }, seq: last.seq };
}
