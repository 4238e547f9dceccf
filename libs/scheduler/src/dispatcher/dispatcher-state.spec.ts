import { createEvent } from '@atlas/events';
import { EMPTY_DISPATCHER_STATE, evolveDispatcher } from './dispatcher-state';

const producer = 'test';
const requested = (job_id: string, channel_id: string) =>
  createEvent(
    'SyncRequested',
    {
      job_id,
      channel_id,
      connection_id: 'c',
      force: false,
      trigger: { kind: 'api', slot: null },
      previous_cursor: null,
      estimated_messages: null,
    },
    { producer },
  );
const started = (job_id: string, channel_id: string) =>
  createEvent(
    'SyncStarted',
    { job_id, channel_id, connection_id: 'c', force: false, previous_cursor: null },
    { producer },
  );

describe('the dispatcher state', () => {
  it('queues requests in order and moves a started job to the running slots', () => {
    let state = [requested('a', 'C1'), requested('b', 'C2'), requested('c', 'C3')].reduce(
      evolveDispatcher,
      EMPTY_DISPATCHER_STATE,
    );
    expect(state.queue.map((e) => e.job_id)).toEqual(['a', 'b', 'c']);
    state = evolveDispatcher(state, started('a', 'C1'));
    expect(state.queue.map((e) => e.job_id)).toEqual(['b', 'c']);
    expect(state.running).toEqual([{ job_id: 'a', channel_id: 'C1' }]);
  });

  it('is idempotent: the same event twice changes nothing more', () => {
    const once = [requested('a', 'C1'), started('a', 'C1')].reduce(evolveDispatcher, EMPTY_DISPATCHER_STATE);
    const twice = [requested('a', 'C1'), requested('a', 'C1'), started('a', 'C1'), started('a', 'C1')].reduce(
      evolveDispatcher,
      EMPTY_DISPATCHER_STATE,
    );
    expect(twice).toEqual(once);
  });

  it('frees the slot when a job ends or a cancellation is requested, and drops a cancelled queued job', () => {
    let state = [requested('a', 'C1'), started('a', 'C1'), requested('b', 'C2')].reduce(
      evolveDispatcher,
      EMPTY_DISPATCHER_STATE,
    );
    state = evolveDispatcher(
      state,
      createEvent(
        'SyncCancelRequested',
        { job_id: 'a', channel_id: 'C1', connection_id: 'c', cursor: null, reason: 'user' },
        { producer },
      ),
    );
    expect(state.running).toEqual([]);
    state = evolveDispatcher(
      state,
      createEvent(
        'SyncCancelRequested',
        { job_id: 'b', channel_id: 'C2', connection_id: 'c', cursor: null, reason: 'user' },
        { producer },
      ),
    );
    expect(state.queue).toEqual([]);
  });
});
