import { FeedAction, SyncEventFeed } from './sync-event-feed';

const INTERVAL = 250;
const feedAfter = (seq: number, jobId?: string) =>
  new SyncEventFeed(seq, { jobId, statusIntervalMs: INTERVAL, maxPendingJobs: 3 });

describe('SyncEventFeed', () => {
  it('sends the first change of a job at once, then coalesces changes until the interval has passed', () => {
    const feed = feedAfter(10);
    expect(feed.take({ seq: 11, type: 'MessagesFetched', jobId: 'j1' }, 1_000)).toEqual([]);
    expect(feed.due(1_000)).toEqual([{ kind: 'statuses', jobIds: ['j1'], upTo: 11, id: 11 }]);
    feed.take({ seq: 12, type: 'MessagesFetched', jobId: 'j1' }, 1_010);
    feed.take({ seq: 13, type: 'FactsExtracted', jobId: 'j1' }, 1_020);
    expect(feed.dueAt()).toBe(1_000 + INTERVAL);
    expect(feed.due(1_100)).toEqual([]);
    expect(feed.due(1_250)).toEqual([{ kind: 'statuses', jobIds: ['j1'], upTo: 13, id: 13 }]);
    expect(feed.dueAt()).toBeNull();
  });

  it('never holds back a stage change: the stage goes out with the statuses, before the entry counts as sent', () => {
    const feed = feedAfter(10);
    feed.take({ seq: 11, type: 'MessagesFetched', jobId: 'j1' }, 0);
    feed.due(0);
    feed.take({ seq: 12, type: 'MessagesFetched', jobId: 'j1' }, 10);
    const actions = feed.take({ seq: 13, type: 'FetchCompleted', jobId: 'j1' }, 20);
    // The stage's id says only 11 is sent: 12 and 13 are owed until the statuses go out.
    expect(actions).toEqual<FeedAction[]>([
      { kind: 'stage', jobId: 'j1', seq: 13, id: 11 },
      { kind: 'statuses', jobIds: ['j1'], upTo: 13, id: 13 },
    ]);
  });

  it('sends a wait at once, and an end after the other jobs owed, with the end carrying the final status', () => {
    const feed = feedAfter(0);
    feed.take({ seq: 1, type: 'MessagesFetched', jobId: 'a' }, 0);
    feed.take({ seq: 2, type: 'MessagesFetched', jobId: 'b' }, 0);
    expect(feed.take({ seq: 3, type: 'SyncStageRetrying', jobId: 'a' }, 0)).toEqual([
      { kind: 'waiting', jobId: 'a', seq: 3, id: 0 },
      { kind: 'statuses', jobIds: ['a', 'b'], upTo: 3, id: 3 },
    ]);
    feed.take({ seq: 4, type: 'FactsExtracted', jobId: 'a' }, 1);
    feed.take({ seq: 5, type: 'GraphUpdated', jobId: 'b' }, 1);
    expect(feed.take({ seq: 6, type: 'SyncCompleted', jobId: 'a' }, 2)).toEqual([
      { kind: 'statuses', jobIds: ['b'], upTo: 5, id: 5 },
      { kind: 'finished', jobId: 'a', seq: 6, id: 6 },
    ]);
    expect(feed.dueAt()).toBeNull();
  });

  it('gives every id as the point up to which nothing is owed, so a resume never skips a held-back change', () => {
    const feed = feedAfter(0);
    feed.take({ seq: 1, type: 'MessagesFetched', jobId: 'a' }, 0);
    feed.due(0);
    feed.take({ seq: 2, type: 'MessagesFetched', jobId: 'a' }, 1);
    // b's stage goes out while a's change at 2 is still held back: its id must stay below 2.
    const [stage] = feed.take({ seq: 3, type: 'SyncStarted', jobId: 'b' }, 2);
    expect(stage).toEqual({ kind: 'stage', jobId: 'b', seq: 3, id: 1 });
  });

  it('only follows its job when it has one, and lets entries of others (and without a job) move its position', () => {
    const feed = feedAfter(0, 'mine');
    expect(feed.take({ seq: 1, type: 'SyncStarted', jobId: 'other' }, 0)).toEqual([]);
    expect(feed.take({ seq: 2, type: 'ChannelRegistered', jobId: undefined }, 0)).toEqual([]);
    expect(feed.position).toBe(2);
    feed.take({ seq: 3, type: 'MessagesFetched', jobId: 'mine' }, 0);
    feed.take({ seq: 4, type: 'MessagesFetched', jobId: 'other' }, 0);
    expect(feed.due(0)).toEqual([{ kind: 'statuses', jobIds: ['mine'], upTo: 3, id: 4 }]);
  });

  it('flushes at once when too many jobs have unsent changes, bounding what it holds', () => {
    const feed = feedAfter(0);
    feed.take({ seq: 1, type: 'MessagesFetched', jobId: 'a' }, 0);
    feed.due(0);
    expect(feed.take({ seq: 2, type: 'MessagesFetched', jobId: 'b' }, 1)).toEqual([]);
    expect(feed.take({ seq: 3, type: 'MessagesFetched', jobId: 'c' }, 1)).toEqual([]);
    expect(feed.take({ seq: 4, type: 'MessagesFetched', jobId: 'd' }, 1)).toEqual([
      { kind: 'statuses', jobIds: ['b', 'c', 'd'], upTo: 4, id: 4 },
    ]);
  });

  it('ignores an entry it has already taken (a resume point inside what was read)', () => {
    const feed = feedAfter(5);
    expect(feed.take({ seq: 5, type: 'SyncCompleted', jobId: 'a' }, 0)).toEqual([]);
    expect(feed.take({ seq: 3, type: 'SyncStarted', jobId: 'a' }, 0)).toEqual([]);
  });
});
