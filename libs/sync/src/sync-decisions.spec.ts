import { createEvent, EventDataOf } from '@atlas/events';
import { cancelSync, requestSync, startSync } from './sync-decisions';
import { registerChannel, removeChannel } from './channel-registration';
import { channelAfter as snapshotAfter, jobAfter } from './testing/given-channel-log';

const producer = 'test';
const registered = createEvent(
  'ChannelRegistered',
  {
    channel_id: 'C1',
    connection_id: 'conn_1',
    platform: 'slack',
    name: 'general',
    topic: null,
    is_private: false,
    message_count_hint: null,
  },
  { producer },
);
const request = (job_id: string, previous_cursor: string | null = null): EventDataOf<'SyncRequested'> => ({
  job_id,
  channel_id: 'C1',
  connection_id: 'conn_1',
  force: false,
  trigger: { kind: 'api', slot: null },
  previous_cursor,
  estimated_messages: null,
});
const command = (job_id: string) => ({
  job_id,
  channel_id: 'C1',
  force: false,
  trigger: { kind: 'api' as const, slot: null },
  estimated_messages: null,
  producer,
});

describe('the channel aggregate', () => {
  it('does not know a channel that was never registered, or was removed', () => {
    expect(requestSync(command('sync_a'))(snapshotAfter())).toEqual({ kind: 'done', result: { outcome: 'not_found' } });
    const removed = createEvent(
      'ChannelRemoved',
      { channel_id: 'C1', connection_id: 'conn_1', reason: 'connection_deleted' },
      { producer },
    );
    expect(requestSync(command('sync_a'))(snapshotAfter(registered, removed))).toMatchObject({
      result: { outcome: 'not_found' },
    });
  });

  it('requests a sync on an idle channel, from the cursor the last job left', () => {
    const completed = createEvent(
      'SyncCompleted',
      {
        job_id: 'sync_0',
        channel_id: 'C1',
        connection_id: 'conn_1',
        cursor: '1700000000.000100',
        stats: { messages_synced: 1, facts_extracted: 1, failing_messages: 0 },
      },
      { producer },
    );
    const decision = requestSync(command('sync_a'))(snapshotAfter(registered, completed));
    expect(decision.kind).toBe('append');
    if (decision.kind !== 'append') return;
    expect(decision.events.map((e) => e.type)).toEqual(['SyncRequested']);
    expect(decision.events[0].data).toMatchObject({
      job_id: 'sync_a',
      previous_cursor: '1700000000.000100',
      connection_id: 'conn_1',
    });
  });

  it('keeps the cursor when a job failed', () => {
    const failed = createEvent(
      'SyncFailed',
      {
        job_id: 'sync_0',
        channel_id: 'C1',
        connection_id: 'conn_1',
        cursor: 'kept',
        stage: 'fetching_messages',
        error: { code: 'AUTH_ERROR', message: 'x', details: {} },
      },
      { producer },
    );
    const decision = requestSync(command('sync_a'))(snapshotAfter(registered, failed));
    expect(decision.kind === 'append' && decision.events[0].data).toMatchObject({ previous_cursor: 'kept' });
  });

  it('refuses a second job while one is queued or running, naming it', () => {
    const requested = createEvent('SyncRequested', request('sync_a'), { producer });
    expect(requestSync(command('sync_b'))(snapshotAfter(registered, requested))).toEqual({
      kind: 'done',
      result: { outcome: 'in_progress', job_id: 'sync_a' },
    });
    const fetched = createEvent(
      'FetchCompleted',
      { job_id: 'sync_a', channel_id: 'C1', batches: 0, messages: 0, cursor: null },
      { producer },
    );
    expect(requestSync(command('sync_b'))(snapshotAfter(registered, requested, fetched))).toMatchObject({
      result: { outcome: 'in_progress', job_id: 'sync_a' },
    });
  });

  it('recognizes a retried request of the same job', () => {
    const requested = createEvent('SyncRequested', request('sync_a'), { producer });
    expect(requestSync(command('sync_a'))(snapshotAfter(registered, requested))).toMatchObject({
      result: { outcome: 'already_requested' },
    });
  });

  it('closes a cancellation left half done before requesting the next job', () => {
    const cancelRequested = createEvent(
      'SyncCancelRequested',
      { job_id: 'sync_a', channel_id: 'C1', connection_id: 'conn_1', cursor: 'c', reason: 'user' },
      { producer },
    );
    const decision = requestSync(command('sync_b'))(snapshotAfter(registered, cancelRequested));
    expect(
      decision.kind === 'append' && decision.events.map((e) => [e.type, (e.data as { job_id: string }).job_id]),
    ).toEqual([
      ['SyncCancelled', 'sync_a'],
      ['SyncRequested', 'sync_b'],
    ]);
  });

  it('starts only the job that is queued', () => {
    const requested = createEvent('SyncRequested', request('sync_a', 'cur'), { producer });
    const decision = startSync('sync_a', producer)(snapshotAfter(registered, requested));
    expect(decision.kind === 'append' && decision.events[0]).toMatchObject({
      type: 'SyncStarted',
      data: { job_id: 'sync_a', previous_cursor: 'cur' },
    });
    const started = createEvent(
      'SyncStarted',
      { job_id: 'sync_a', channel_id: 'C1', connection_id: 'conn_1', force: false, previous_cursor: null },
      { producer },
    );
    expect(startSync('sync_a', producer)(snapshotAfter(registered, requested, started))).toEqual({
      kind: 'done',
      result: 'already_started',
    });
    expect(startSync('sync_z', producer)(snapshotAfter(registered, requested))).toEqual({
      kind: 'done',
      result: 'gone',
    });
  });

  it('cancels a queued or running job in two events, and nothing else', () => {
    const requested = createEvent('SyncRequested', request('sync_a'), { producer });
    const cancel = cancelSync({
      job_id: 'sync_a',
      channel_id: 'C1',
      connection_id: 'conn_1',
      previous_cursor: 'c',
      reason: 'user',
      producer,
    });
    const decision = cancel(jobAfter('sync_a', registered, requested));
    expect(decision.kind === 'append' && decision.events.map((e) => e.type)).toEqual([
      'SyncCancelRequested',
      'SyncCancelled',
    ]);
    const completed = createEvent(
      'SyncCompleted',
      {
        job_id: 'sync_a',
        channel_id: 'C1',
        connection_id: 'conn_1',
        cursor: null,
        stats: { messages_synced: 0, facts_extracted: 0, failing_messages: 0 },
      },
      { producer },
    );
    expect(cancel(jobAfter('sync_a', registered, requested, completed))).toEqual({
      kind: 'done',
      result: { outcome: 'not_cancellable', status: 'completed' },
    });
  });

  it('gives a channel to one connection at a time', () => {
    const data = registered.data;
    expect(registerChannel(data, producer)(snapshotAfter()).kind).toBe('append');
    expect(registerChannel(data, producer)(snapshotAfter(registered))).toEqual({
      kind: 'done',
      result: { outcome: 'already_registered' },
    });
    expect(registerChannel({ ...data, connection_id: 'conn_2' }, producer)(snapshotAfter(registered))).toEqual({
      kind: 'done',
      result: { outcome: 'held_elsewhere' },
    });
    const requested = createEvent('SyncRequested', request('sync_a'), { producer });
    expect(removeChannel('C1', 'conn_1', producer)(snapshotAfter(registered, requested))).toEqual({
      kind: 'done',
      result: { outcome: 'busy', job_id: 'sync_a' },
    });
    expect(removeChannel('C1', 'conn_1', producer)(snapshotAfter(registered)).kind).toBe('append');
  });
});
