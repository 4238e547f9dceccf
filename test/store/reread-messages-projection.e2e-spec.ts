import { join } from 'node:path';
import { AtlasEvent, createEvent, NormalizedMessage } from '@atlas/events';
import { JobDoc, Projector } from '@atlas/read-models';
import { jobHistoryView, jobStatusView } from '../../libs/gateway/src/sync/job-view';
import { SqliteStore } from '@atlas/store';
import { normalizedMessage } from '../support/normalized-message';
import { projectedJobs } from '../support/projected-jobs';

const meta = { producer: 'test' };
const CHANNEL = 'C1';
const job = (job_id: string) => ({ job_id, channel_id: CHANNEL, connection_id: 'conn_1' });

const requested = (id: string, force = false) =>
  createEvent(
    'SyncRequested',
    {
      ...job(id),
      force,
      trigger: { kind: 'api', slot: null },
      previous_cursor: null,
      estimated_messages: null,
    },
    meta,
  );
const started = (id: string) => createEvent('SyncStarted', { ...job(id), force: false, previous_cursor: null }, meta);
const fetched = (id: string, batch: number, messages: NormalizedMessage[]) =>
  createEvent(
    'MessagesFetched',
    {
      job_id: id,
      channel_id: CHANNEL,
      batch,
      messages,
      resume: { token: null, skip: 0, complete: false },
      cursor: null,
      total_so_far: 0,
      estimated_total: null,
    },
    meta,
  );
const fetchCompleted = (id: string, batches: number, messages: number) =>
  createEvent('FetchCompleted', { job_id: id, channel_id: CHANNEL, batches, messages, cursor: null }, meta);

const message = (id: string, text: string, fields: Partial<NormalizedMessage> = {}) =>
  normalizedMessage({
    id,
    channel_id: CHANNEL,
    author_id: 'U1',
    author_name: 'Ana',
    text,
    timestamp: `2026-04-13T10:0${id}:00.000Z`,
    ...fields,
  });

describe('messages a sync only re-read, on the job read model', () => {
  const jobs = projectedJobs('reread-messages', `atlas.channel.${CHANNEL}`);
  const jobAfter = jobs.jobAfter;

  beforeAll(() => jobs.setUp());
  afterAll(() => jobs.tearDown());

  const starter = message('1', 'Which database do we pick?', { reply_count: 1 });
  const firstReply = message('2', 'Postgres.', { thread_parent_id: '1' });
  const note = message('3', 'The deploy is on Friday.');

  it('counts nothing as re-read on a first sync', async () => {
    const first = await jobAfter(
      'a',
      requested('a'),
      started('a'),
      fetched('a', 1, [starter, firstReply, note]),
      fetchCompleted('a', 1, 3),
    );
    expect(jobHistoryView(first, new Date()).messages_synced).toBe(3);
    expect(jobStatusView(first, new Date()).reread_messages).toBe(0);
  });

  it('counts a starter handed out again with a new reply count as re-read; its new reply and an edit as synced', async () => {
    const secondReply = message('4', 'Agreed, Postgres.', { thread_parent_id: '1' });
    const edited = message('3', 'The deploy is on Monday.', { edited: true, edited_at: '2026-04-14T09:00:00.000Z' });
    const second = await jobAfter(
      'b',
      requested('b'),
      started('b'),
      fetched('b', 1, [{ ...starter, reply_count: 2 }, secondReply]),
      fetched('b', 2, [edited]),
      fetchCompleted('b', 2, 3),
    );
    expect(jobHistoryView(second, new Date()).messages_synced).toBe(2);
    expect(jobStatusView(second, new Date())).toMatchObject({
      progress: { total_messages: 3 },
      reread_messages: 1,
    });
  });

  it('counts messages read again unchanged as re-read, and a deletion as a change', async () => {
    const third = await jobAfter(
      'c',
      requested('c'),
      started('c'),
      fetched('c', 1, [
        { ...starter, reply_count: 2 },
        firstReply,
        message('4', '', { thread_parent_id: '1', deleted: true }),
      ]),
      fetchCompleted('c', 1, 3),
    );
    expect(jobHistoryView(third, new Date()).messages_synced).toBe(1);
    expect(jobStatusView(third, new Date()).reread_messages).toBe(2);
  });

  it('counts the whole history of a forced re-sync as synced', async () => {
    const forced = await jobAfter(
      'f',
      requested('f', true),
      started('f'),
      fetched('f', 1, [{ ...starter, reply_count: 2 }, firstReply, note]),
      fetchCompleted('f', 1, 3),
    );
    expect(jobHistoryView(forced, new Date()).messages_synced).toBe(3);
    expect(jobStatusView(forced, new Date()).reread_messages).toBe(0);
  });

  it('counts the same on a replay of the same events', async () => {
    const replayed = SqliteStore.open(join(jobs.dir.path, 'replayed.db'));
    try {
      const projector = new Projector(replayed);
      const events: AtlasEvent[] = [
        requested('d'),
        started('d'),
        fetched('d', 1, [note]),
        fetchCompleted('d', 1, 1),
        requested('e'),
        started('e'),
        fetched('e', 1, [note, message('5', 'New here.')]),
      ];
      let replaySeq = 0;
      for (const event of events) await projector.apply({ seq: ++replaySeq, subject: 'atlas.channel.C1', event });
      // The projector may apply an event again after a crash before its checkpoint: nothing counts twice.
      await projector.apply({ seq: replaySeq, subject: 'atlas.channel.C1', event: events.at(-1)! });
      const doc = await replayed.get<JobDoc>('jobs', 'e');
      expect(doc?.counters).toMatchObject({ messages_fetched: 2, messages_reread: 1 });
    } finally {
      await replayed.close();
    }
  });
});
