import { isJobEvent, JobStatus } from '@atlas/events';
import type { AtlasEvent } from '@atlas/events';
import { ChannelSnapshot } from './channel-state';

/**
 * What the log says of one job: its status folded from its own events on the channel subject. The
 * channel's state (its last event) cannot always tell: after SyncCancelled the channel is idle, and
 * another job may have been requested since, yet a question about the old job still has a true answer.
 */
export interface JobFate {
  /** `unknown` until the job's SyncRequested was folded in. */
  status: JobStatus | 'unknown';
  /** When the cancellation was accepted: its SyncCancelRequested's occurred_at. */
  cancelled_at: string | null;
  /** A cancelled job whose SyncCancelled is in the log: it no longer holds its channel. */
  closed: boolean;
  /** Stream sequence of the last event of the job folded in (0 when none). */
  seq: number;
}

export const UNKNOWN_FATE: JobFate = { status: 'unknown', cancelled_at: null, closed: false, seq: 0 };

/** What evolving needs of an event: its type, and its time for a cancellation (headers-only reads skip payloads). */
export type JobFact = Pick<AtlasEvent, 'type'> & { metadata?: Pick<AtlasEvent['metadata'], 'occurred_at'> };

/** Folds one event of the job into its fate. An ended job stays ended: the guarded appends see to that. */
export function evolveJobFate(fate: JobFate, event: JobFact, seq: number): JobFate {
  const next = { ...fate, seq };
  switch (event.type) {
    case 'SyncRequested':
      return { ...next, status: 'queued' };
    case 'SyncCancelRequested':
      if (!event.metadata) throw new Error('SyncCancelRequested folded without its metadata');
      return { ...next, status: 'cancelled', cancelled_at: event.metadata.occurred_at };
    case 'SyncCancelled':
      return { ...next, status: 'cancelled', closed: true };
    case 'SyncCompleted':
      return { ...next, status: 'completed' };
    case 'SyncFailed':
      return { ...next, status: 'failed' };
    default:
      return { ...next, status: fate.status === 'queued' || fate.status === 'unknown' ? 'running' : fate.status };
  }
}

/** Whether folding more of the job's events can still change its fate. */
export function isFinal(fate: JobFate): boolean {
  return fate.status === 'completed' || fate.status === 'failed' || (fate.status === 'cancelled' && fate.closed);
}

/**
 * The job's fate when the channel's last event tells it on its own (the event is the job's, and says all
 * the fate needs); null when only the job's earlier events can tell.
 */
export function fateOnChannel({ state, last, seq }: ChannelSnapshot, jobId: string): JobFate | null {
  if (last === null) {
    // A malformed last event of the job leaves it open (see channelStateOf).
    return state.status === 'running' && state.job_id === jobId ? { ...UNKNOWN_FATE, status: 'running', seq } : null;
  }
  if (!isJobEvent(last) || last.data.job_id !== jobId || last.type === 'SyncCancelled') return null;
  return evolveJobFate(UNKNOWN_FATE, last, seq);
}
