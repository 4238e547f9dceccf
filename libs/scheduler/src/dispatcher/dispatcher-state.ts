import type { AtlasEvent } from '@atlas/events';

export interface DispatchEntry {
  job_id: string;
  channel_id: string;
}

/** Which jobs hold a slot and which wait for one, in request order; kept in the checkpoints collection. */
export type DispatcherState = {
  id: 'dispatcher';
  last_seq: number;
  running: DispatchEntry[];
  queue: DispatchEntry[];
};

export const EMPTY_DISPATCHER_STATE: DispatcherState = { id: 'dispatcher', last_seq: 0, running: [], queue: [] };

/** Applies a lifecycle event to the dispatcher's view of slots and queue. */
export function evolveDispatcher(state: DispatcherState, event: AtlasEvent): DispatcherState {
  const without = (entries: DispatchEntry[], jobId: string) => entries.filter((e) => e.job_id !== jobId);
  switch (event.type) {
    case 'SyncRequested': {
      const { job_id, channel_id } = event.data;
      if (state.queue.some((e) => e.job_id === job_id) || state.running.some((e) => e.job_id === job_id)) return state;
      return { ...state, queue: [...state.queue, { job_id, channel_id }] };
    }
    case 'SyncStarted': {
      const { job_id, channel_id } = event.data;
      if (state.running.some((e) => e.job_id === job_id)) return { ...state, queue: without(state.queue, job_id) };
      return { ...state, queue: without(state.queue, job_id), running: [...state.running, { job_id, channel_id }] };
    }
    // A cancel request frees the slot at once: the job's stages stop publishing from then on.
    case 'SyncCancelRequested':
    case 'SyncCancelled':
    case 'SyncCompleted':
    case 'SyncFailed':
      return {
        ...state,
        queue: without(state.queue, event.data.job_id),
        running: without(state.running, event.data.job_id),
      };
    default:
      return state;
  }
}
