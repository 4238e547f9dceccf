import { AtlasEvent, EventDataOf, InvalidEventError, isJobEvent } from '@atlas/events';
import type { LogEntry } from '@atlas/messaging';

/**
 * The state of a channel's sync aggregate, read from the last event on its subject alone. That works
 * because every event that ends a job carries what the next decision needs (connection and cursor),
 * and only one job per channel can be open: its events follow each other on the subject.
 */
export type ChannelState =
  | { status: 'unregistered' }
  | { status: 'idle'; connection_id: string; cursor: string | null }
  | { status: 'queued'; job_id: string; request: EventDataOf<'SyncRequested'> }
  | { status: 'running'; job_id: string }
  | { status: 'cancelling'; job_id: string; request: EventDataOf<'SyncCancelRequested'> };

export interface ChannelSnapshot {
  state: ChannelState;
  /** Sequence of the last event on the channel subject (0 when there is none). */
  seq: number;
  last: AtlasEvent | null;
}

export function channelStateOf(last: LogEntry | null): ChannelSnapshot {
  if (!last) return { state: { status: 'unregistered' }, seq: 0, last: null };
  let event: AtlasEvent;
  try {
    event = last.decode();
  } catch (error) {
    // A malformed message of a job (poison) leaves that job open: its stages fail it, or a cancel closes it.
    if (error instanceof InvalidEventError && last.jobId) {
      return { state: { status: 'running', job_id: last.jobId }, seq: last.seq, last: null };
    }
    throw error;
  }
  return { state: stateAfter(event), seq: last.seq, last: event };
}

function stateAfter(event: AtlasEvent): ChannelState {
  switch (event.type) {
    case 'ChannelRegistered':
      return { status: 'idle', connection_id: event.data.connection_id, cursor: null };
    case 'ChannelRemoved':
      return { status: 'unregistered' };
    case 'SyncRequested':
      return { status: 'queued', job_id: event.data.job_id, request: event.data };
    case 'SyncCancelRequested':
      return { status: 'cancelling', job_id: event.data.job_id, request: event.data };
    case 'SyncCompleted':
    case 'SyncFailed':
    case 'SyncCancelled':
      return { status: 'idle', connection_id: event.data.connection_id, cursor: event.data.cursor };
    default:
      if (isJobEvent(event)) return { status: 'running', job_id: event.data.job_id };
      throw new Error(`${event.type} does not belong on a channel subject`);
  }
}
