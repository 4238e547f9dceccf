import { createEvent, EventDataOf } from '@atlas/events';
import { ChannelSnapshot } from './channel-state';
import { Decision } from './channel-commands';

export type RegisterChannelOutcome =
  | { outcome: 'registered'; seq: number }
  | { outcome: 'already_registered' }
  /** Another connection holds this channel id. */
  | { outcome: 'held_elsewhere' };

/** A channel id belongs to one live connection at a time. */
export function registerChannel(data: EventDataOf<'ChannelRegistered'>, producer: string) {
  return ({ state }: ChannelSnapshot): Decision<RegisterChannelOutcome> => {
    if (state.status === 'unregistered') {
      const registered = createEvent('ChannelRegistered', data, { producer });
      return {
        kind: 'append',
        events: [registered],
        result: ([appended]) => ({ outcome: 'registered', seq: appended.seq }),
      };
    }
    if (state.status === 'idle' && state.connection_id === data.connection_id) {
      return { kind: 'done', result: { outcome: 'already_registered' } };
    }
    return { kind: 'done', result: { outcome: 'held_elsewhere' } };
  };
}

export type RemoveChannelOutcome =
  | { outcome: 'removed'; seq: number }
  | { outcome: 'absent' }
  /** A job holds the channel: cancel it, then remove. */
  | { outcome: 'busy'; job_id: string };

export function removeChannel(channelId: string, connectionId: string, producer: string) {
  return ({ state }: ChannelSnapshot): Decision<RemoveChannelOutcome> => {
    if (state.status === 'unregistered') return { kind: 'done', result: { outcome: 'absent' } };
    if (state.status !== 'idle') return { kind: 'done', result: { outcome: 'busy', job_id: state.job_id } };
    if (state.connection_id !== connectionId) return { kind: 'done', result: { outcome: 'absent' } };
    const removed = createEvent(
      'ChannelRemoved',
      { channel_id: channelId, connection_id: connectionId, reason: 'connection_deleted' },
      { producer },
    );
    return { kind: 'append', events: [removed], result: ([appended]) => ({ outcome: 'removed', seq: appended.seq }) };
  };
}
