import { AtlasEvent, createEvent } from '@atlas/events';
import { channelAfter, jobAfter } from './testing/given-channel-log';
import { cancelSync, completeCancellation } from './sync-decisions';
import { evolveJobFate, UNKNOWN_FATE } from './job-fate';

const producer = 'test';
const at = (second: number) => ({ producer, occurredAt: new Date(Date.UTC(2026, 3, 13, 10, 30, second)) });
const job = (job_id: string) => ({ job_id, channel_id: 'C1', connection_id: 'conn_1' });

const registered = createEvent(
  'ChannelRegistered',
  { ...job('x'), platform: 'slack', name: 'general', topic: null, is_private: false, message_count_hint: null },
  at(0),
);
const requested = (id: string, second = 1) =>
  createEvent(
    'SyncRequested',
    {
      ...job(id),
      force: false,
      trigger: { kind: 'api', slot: null },
      previous_cursor: 'c0',
      estimated_messages: null,
    },
    at(second),
  );
const started = (id: string) => createEvent('SyncStarted', { ...job(id), force: false, previous_cursor: 'c0' }, at(2));
const fetched = (id: string) =>
  createEvent('FetchCompleted', { ...job(id), batches: 0, messages: 0, cursor: null }, at(3));
const cancelRequested = (id: string, second: number) =>
  createEvent('SyncCancelRequested', { ...job(id), cursor: 'c0', reason: 'user' }, at(second));
const cancelled = (id: string, second: number) =>
  createEvent('SyncCancelled', { ...job(id), cursor: 'c0' }, at(second));
const completed = (id: string) =>
  createEvent(
    'SyncCompleted',
    { ...job(id), cursor: 'c1', stats: { messages_synced: 0, facts_extracted: 0, failing_messages: 0 } },
    at(9),
  );
const failed = (id: string) =>
  createEvent(
    'SyncFailed',
    {
      ...job(id),
      cursor: 'c0',
      stage: 'fetching_messages',
      error: { code: 'PLATFORM_ERROR', message: 'down', details: {} },
    },
    at(9),
  );

const cancel = (id: string) =>
  cancelSync({
    job_id: id,
    channel_id: 'C1',
    connection_id: 'conn_1',
    previous_cursor: 'c0',
    reason: 'user',
    producer,
  });

/** Given these events, when job `id` is cancelled: the decision. */
const whenCancelling = (id: string, ...given: AtlasEvent[]) => cancel(id)(jobAfter(id, ...given));

/** What a decision appended, as the log holds it (the next sequences after `given`). */
function appendedAfter(given: AtlasEvent[], events: AtlasEvent[]) {
  return events.map((event, i) => ({ seq: given.length + i + 1, subject: 'atlas.channel.C1', event }));
}

describe("cancelling a job (decided on the channel aggregate and the job's own events)", () => {
  it('cancels a running job in two events, answering the time of its SyncCancelRequested', () => {
    const given = [registered, requested('sync_a'), started('sync_a'), fetched('sync_a')];
    const decision = whenCancelling('sync_a', ...given);
    if (decision.kind !== 'append') throw new Error(`expected an append, got ${JSON.stringify(decision)}`);
    expect(decision.events.map((e) => e.type)).toEqual(['SyncCancelRequested', 'SyncCancelled']);
    expect(decision.result(appendedAfter(given, decision.events))).toEqual({
      outcome: 'cancelled',
      job_id: 'sync_a',
      cancelled_at: decision.events[0].metadata.occurred_at,
      seq: given.length + 2,
    });
  });

  it('still answers cancelled when the dispatcher closed the cancellation before the canceller could', () => {
    // The race of issue 9: the gateway's SyncCancelRequested lands, the dispatcher appends SyncCancelled
    // right after it, the gateway's own SyncCancelled is refused and the decision is made again.
    const given = [registered, requested('sync_a'), started('sync_a')];
    const first = whenCancelling('sync_a', ...given);
    if (first.kind !== 'append') throw new Error('expected an append');
    const [request] = first.events;
    const afterRequest = [...given, request];
    const closing = completeCancellation('sync_a', 'scheduler')(channelAfter(...afterRequest));
    if (closing.kind !== 'append') throw new Error('the dispatcher should close the cancellation');

    const again = whenCancelling('sync_a', ...afterRequest, ...closing.events);

    expect(again).toEqual({
      kind: 'done',
      result: { outcome: 'cancelled', job_id: 'sync_a', cancelled_at: request.metadata.occurred_at, seq: 5 },
    });
  });

  it('answers a cancel of a job whose cancellation is not closed yet with its first time, and closes it', () => {
    const given = [registered, requested('sync_a'), started('sync_a'), cancelRequested('sync_a', 5)];
    const decision = whenCancelling('sync_a', ...given);
    if (decision.kind !== 'append') throw new Error('expected an append');
    expect(decision.events.map((e) => [e.type, (e.data as { job_id: string }).job_id])).toEqual([
      ['SyncCancelled', 'sync_a'],
    ]);
    expect(decision.result(appendedAfter(given, decision.events))).toMatchObject({
      outcome: 'cancelled',
      cancelled_at: '2026-04-13T10:30:05.000Z',
    });
  });

  it('answers a repeated cancel with the first cancellation time, also after the channel moved on', () => {
    const cancelledA = [
      registered,
      requested('sync_a'),
      started('sync_a'),
      cancelRequested('sync_a', 5),
      cancelled('sync_a', 6),
    ];
    const expected = {
      kind: 'done',
      result: { outcome: 'cancelled', job_id: 'sync_a', cancelled_at: '2026-04-13T10:30:05.000Z', seq: 5 },
    };
    expect(whenCancelling('sync_a', ...cancelledA)).toEqual(expected);
    expect(whenCancelling('sync_a', ...cancelledA, requested('sync_b', 7))).toEqual(expected);
    expect(whenCancelling('sync_a', ...cancelledA, requested('sync_b', 7), started('sync_b'))).toEqual(expected);
    // ...and the job that holds the channel now is the one a cancel of it cancels.
    const cancelB = whenCancelling('sync_b', ...cancelledA, requested('sync_b', 7), started('sync_b'));
    expect(cancelB.kind === 'append' && cancelB.events.map((e) => (e.data as { job_id: string }).job_id)).toEqual([
      'sync_b',
      'sync_b',
    ]);
  });

  it('refuses a job that completed or failed, naming its true status, whatever the channel did since', () => {
    const done = [registered, requested('sync_a'), started('sync_a'), completed('sync_a')];
    expect(whenCancelling('sync_a', ...done)).toEqual({
      kind: 'done',
      result: { outcome: 'not_cancellable', status: 'completed' },
    });
    expect(whenCancelling('sync_a', ...done, requested('sync_b', 10), started('sync_b'))).toEqual({
      kind: 'done',
      result: { outcome: 'not_cancellable', status: 'completed' },
    });
    const broke = [registered, requested('sync_a'), started('sync_a'), failed('sync_a'), requested('sync_b', 10)];
    expect(whenCancelling('sync_a', ...broke)).toEqual({
      kind: 'done',
      result: { outcome: 'not_cancellable', status: 'failed' },
    });
  });

  it('cancels a job that is still queued', () => {
    const decision = whenCancelling('sync_a', registered, requested('sync_a'));
    expect(decision.kind === 'append' && decision.events.map((e) => e.type)).toEqual([
      'SyncCancelRequested',
      'SyncCancelled',
    ]);
  });
});

describe("a job's fate, folded from its events", () => {
  const fold = (...events: AtlasEvent[]) => events.reduce((f, e, i) => evolveJobFate(f, e, i + 1), UNKNOWN_FATE);

  it('goes queued, running, then one end', () => {
    expect(fold(requested('a')).status).toBe('queued');
    expect(fold(requested('a'), started('a'), fetched('a'))).toMatchObject({ status: 'running', seq: 3 });
    expect(fold(requested('a'), started('a'), completed('a')).status).toBe('completed');
    expect(fold(requested('a'), failed('a')).status).toBe('failed');
  });

  it('is cancelled from the SyncCancelRequested on, keeping its time, and closed by SyncCancelled', () => {
    expect(fold(requested('a'), cancelRequested('a', 4))).toEqual({
      status: 'cancelled',
      cancelled_at: '2026-04-13T10:30:04.000Z',
      closed: false,
      seq: 2,
    });
    expect(fold(requested('a'), cancelRequested('a', 4), cancelled('a', 6))).toEqual({
      status: 'cancelled',
      cancelled_at: '2026-04-13T10:30:04.000Z',
      closed: true,
      seq: 3,
    });
  });
});
