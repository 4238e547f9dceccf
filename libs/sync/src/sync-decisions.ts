import { createEvent, EventDataOf, SyncTrigger } from '@atlas/events';
import { StoredEvent } from '@atlas/messaging';
import { ChannelSnapshot } from './channel-state';
import { Decision, JobSnapshot } from './channel-commands';

export type RequestSyncOutcome =
  | { outcome: 'requested'; job_id: string; seq: number; requested_at: string }
  /** The same job id was requested before (a retried scheduled firing): nothing new was written. */
  | { outcome: 'already_requested'; job_id: string }
  | { outcome: 'in_progress'; job_id: string }
  | { outcome: 'not_found' };

export interface RequestSyncCommand {
  job_id: string;
  channel_id: string;
  force: boolean;
  trigger: SyncTrigger;
  estimated_messages: number | null;
  producer: string;
}

export function requestSync(command: RequestSyncCommand) {
  return ({ state, last }: ChannelSnapshot): Decision<RequestSyncOutcome> => {
    switch (state.status) {
      case 'unregistered':
        return { kind: 'done', result: { outcome: 'not_found' } };
      case 'queued':
      case 'running':
        return state.job_id === command.job_id
          ? { kind: 'done', result: { outcome: 'already_requested', job_id: command.job_id } }
          : { kind: 'done', result: { outcome: 'in_progress', job_id: state.job_id } };
      case 'cancelling': {
        // The previous job's cancellation was accepted but not closed (its writer died): close it first.
        const closing = cancelledEvent(state.request, command.producer, last?.metadata.event_id ?? null);
        const requested = requestedEvent(command, state.request.connection_id, state.request.cursor);
        return {
          kind: 'append',
          events: [closing, requested],
          result: (appended) => requestedOutcome(command.job_id, appended[1]),
          ifDuplicate: (event) => (event.type === 'SyncRequested' ? alreadyRequested(command.job_id) : undefined),
        };
      }
      case 'idle': {
        const requested = requestedEvent(command, state.connection_id, state.cursor);
        return {
          kind: 'append',
          events: [requested],
          result: (appended) => requestedOutcome(command.job_id, appended[0]),
          // The same job id is only ever requested again by a retried or concurrent scheduled firing.
          ifDuplicate: () => alreadyRequested(command.job_id),
        };
      }
    }
  };
}

function requestedEvent(command: RequestSyncCommand, connectionId: string, cursor: string | null) {
  return createEvent(
    'SyncRequested',
    {
      job_id: command.job_id,
      channel_id: command.channel_id,
      connection_id: connectionId,
      force: command.force,
      trigger: command.trigger,
      previous_cursor: cursor,
      estimated_messages: command.estimated_messages,
    },
    { producer: command.producer },
  );
}

const alreadyRequested = (jobId: string): RequestSyncOutcome => ({ outcome: 'already_requested', job_id: jobId });

function requestedOutcome(jobId: string, appended: StoredEvent): RequestSyncOutcome {
  return { outcome: 'requested', job_id: jobId, seq: appended.seq, requested_at: appended.event.metadata.occurred_at };
}

export type StartSyncOutcome = 'started' | 'already_started' | 'gone';

/** Admits a queued job (the dispatcher decides when). */
export function startSync(jobId: string, producer: string) {
  return ({ state, last }: ChannelSnapshot): Decision<StartSyncOutcome> => {
    if (state.status === 'queued' && state.job_id === jobId) {
      const { request } = state;
      const started = createEvent(
        'SyncStarted',
        {
          job_id: jobId,
          channel_id: request.channel_id,
          connection_id: request.connection_id,
          force: request.force,
          previous_cursor: request.previous_cursor,
        },
        { producer, causationId: last?.metadata.event_id ?? null },
      );
      return { kind: 'append', events: [started], result: () => 'started' };
    }
    if (state.status === 'running' && state.job_id === jobId) return { kind: 'done', result: 'already_started' };
    return { kind: 'done', result: 'gone' };
  };
}

export type CancelSyncOutcome =
  /** `seq`: an event of the cancellation, for read-your-writes. */
  | { outcome: 'cancelled'; job_id: string; cancelled_at: string; seq: number }
  | { outcome: 'not_cancellable'; status: 'completed' | 'failed' };

export interface CancelSyncCommand {
  job_id: string;
  channel_id: string;
  /** From the job's SyncRequested: who to fetch from and the cursor to keep. */
  connection_id: string;
  previous_cursor: string | null;
  reason: EventDataOf<'SyncCancelRequested'>['reason'];
  producer: string;
}

/**
 * Cancels a queued or running job: SyncCancelRequested closes the job to stage output (the guard of
 * every stage append refuses it from then on), SyncCancelled ends it and frees the channel.
 *
 * Once a SyncCancelRequested of the job is in the log, the job is cancelled, whoever appended it and
 * whoever closed it (the dispatcher closes every cancellation it sees, often before the canceller's own
 * SyncCancelled lands): every cancel of it, this one after a lost race included, answers `cancelled`
 * with that event's time. Only a job that completed or failed is not cancellable.
 */
export function cancelSync(command: CancelSyncCommand) {
  return ({ channel: { state, last }, job }: JobSnapshot): Decision<CancelSyncOutcome> => {
    const open = state.status === 'queued' || state.status === 'running' || state.status === 'cancelling';
    if (open && state.job_id === command.job_id) {
      if (state.status === 'cancelling') {
        const cancelledAt = job.cancelled_at;
        if (!cancelledAt) throw new Error(`the cancellation of ${command.job_id} has no time`);
        // Closing the books first, so the channel is free once the caller hears "cancelled".
        const cancelled = cancelledEvent(state.request, command.producer, last?.metadata.event_id ?? null);
        return {
          kind: 'append',
          events: [cancelled],
          result: (appended) => cancelledOutcome(command.job_id, cancelledAt, appended[0].seq),
        };
      }
      const request = createEvent(
        'SyncCancelRequested',
        {
          job_id: command.job_id,
          channel_id: command.channel_id,
          connection_id: command.connection_id,
          cursor: command.previous_cursor,
          reason: command.reason,
        },
        { producer: command.producer },
      );
      const cancelled = cancelledEvent(request.data, command.producer, request.metadata.event_id);
      // Should the SyncCancelled lose its race, the decision made again finds the request in the job's events.
      return {
        kind: 'append',
        events: [request, cancelled],
        result: (appended) => cancelledOutcome(command.job_id, request.metadata.occurred_at, appended[1].seq),
      };
    }
    switch (job.status) {
      case 'cancelled':
        if (!job.cancelled_at) throw new Error(`${command.job_id} is cancelled but its cancellation has no time`);
        return { kind: 'done', result: cancelledOutcome(command.job_id, job.cancelled_at, job.seq) };
      case 'completed':
      case 'failed':
        return { kind: 'done', result: { outcome: 'not_cancellable', status: job.status } };
      default:
        // Only one job is open on a channel, and its events are the channel's last: this one cannot be open.
        throw new Error(`${command.job_id} is ${job.status} in the log, but the channel is ${state.status}`);
    }
  };
}

function cancelledOutcome(jobId: string, cancelledAt: string, seq: number): CancelSyncOutcome {
  return { outcome: 'cancelled', job_id: jobId, cancelled_at: cancelledAt, seq };
}

/** Closes a cancellation whose writer died between its two events. */
export function completeCancellation(jobId: string, producer: string) {
  return ({ state, last }: ChannelSnapshot): Decision<boolean> => {
    if (state.status !== 'cancelling' || state.job_id !== jobId) return { kind: 'done', result: false };
    const cancelled = cancelledEvent(state.request, producer, last?.metadata.event_id ?? null);
    return { kind: 'append', events: [cancelled], result: () => true };
  };
}

function cancelledEvent(request: EventDataOf<'SyncCancelRequested'>, producer: string, causationId: string | null) {
  return createEvent(
    'SyncCancelled',
    {
      job_id: request.job_id,
      channel_id: request.channel_id,
      connection_id: request.connection_id,
      cursor: request.cursor,
    },
    { producer, causationId },
  );
}
