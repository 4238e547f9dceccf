import { createEvent, JobErrorCode, StageName } from '@atlas/events';
import { normalizedMessage } from '../support/normalized-message';
import { projectedJobs } from '../support/projected-jobs';

const meta = { producer: 'test' };
const job = (job_id: string) => ({ job_id, channel_id: 'C1' });
const withConnection = (job_id: string) => ({ ...job(job_id), connection_id: 'conn_1' });

const requested = (id: string) =>
  createEvent(
    'SyncRequested',
    {
      ...withConnection(id),
      force: false,
      trigger: { kind: 'api', slot: null },
      previous_cursor: null,
      estimated_messages: null,
    },
    meta,
  );
const started = (id: string) =>
  createEvent('SyncStarted', { ...withConnection(id), force: false, previous_cursor: null }, meta);
const retrying = (id: string, stage: StageName, attempt: number, code: JobErrorCode = 'PLATFORM_ERROR') =>
  createEvent(
    'SyncStageRetrying',
    {
      ...job(id),
      stage,
      error: { code, message: `${stage} is retried`, details: {} },
      attempt,
      retrying_at: `2026-04-13T10:3${attempt}:00Z`,
    },
    meta,
  );
const fetched = (id: string) =>
  createEvent(
    'MessagesFetched',
    {
      ...job(id),
      batch: 1,
      messages: [
        normalizedMessage({
          id: '1',
          channel_id: 'C1',
          author_id: 'U1',
          author_name: 'Ana',
          text: 'hello',
          timestamp: '2026-04-13T10:00:00.000Z',
        }),
      ],
      resume: { token: null, skip: 0, complete: true },
      cursor: null,
      total_so_far: 1,
      estimated_total: null,
    },
    meta,
  );
const failed = (id: string) =>
  createEvent(
    'SyncFailed',
    {
      ...withConnection(id),
      cursor: null,
      stage: 'fetching_messages',
      error: { code: 'PLATFORM_ERROR', message: 'GET https://slack.example/api failed: timed out', details: {} },
    },
    meta,
  );
const completed = (id: string) =>
  createEvent(
    'SyncCompleted',
    { ...withConnection(id), cursor: null, stats: { messages_synced: 1, facts_extracted: 0, failing_messages: 0 } },
    meta,
  );
const cancelRequested = (id: string) =>
  createEvent('SyncCancelRequested', { ...withConnection(id), cursor: null, reason: 'user' }, meta);

describe("a stage's transient failure on the job read model", () => {
  const jobs = projectedJobs('job-retrying');
  const jobAfter = jobs.jobAfter;

  beforeAll(() => jobs.setUp());
  afterAll(() => jobs.tearDown());

  it("shows the latest retry as the running job's error, with retrying_at and attempt", async () => {
    const doc = await jobAfter(
      'a',
      requested('a'),
      started('a'),
      retrying('a', 'fetching_messages', 1),
      retrying('a', 'fetching_messages', 2),
    );
    expect(doc).toMatchObject({
      status: 'running',
      error: {
        code: 'PLATFORM_ERROR',
        message: 'fetching_messages is retried',
        details: { retrying_at: '2026-04-13T10:32:00Z', attempt: 2 },
      },
    });
  });

  it('clears it when the retrying stage makes progress, not when another stage does', async () => {
    await jobAfter('b', requested('b'), started('b'), retrying('b', 'extracting_facts', 1, 'INTERNAL_ERROR'));
    expect((await jobAfter('b', fetched('b'))).error).toMatchObject({ code: 'INTERNAL_ERROR' });
    await jobAfter('c', requested('c'), started('c'), retrying('c', 'fetching_messages', 1));
    expect((await jobAfter('c', fetched('c'))).error).toBeNull();
  });

  it('ends with the real outcome: the failure of a failed job, null for a completed or cancelled one', async () => {
    const failedJob = await jobAfter(
      'd',
      requested('d'),
      started('d'),
      retrying('d', 'fetching_messages', 7),
      failed('d'),
    );
    expect(failedJob).toMatchObject({
      status: 'failed',
      error: { message: 'GET https://slack.example/api failed: timed out' },
    });
    const completedJob = await jobAfter(
      'e',
      requested('e'),
      started('e'),
      retrying('e', 'generating_wiki', 1),
      completed('e'),
    );
    expect(completedJob).toMatchObject({ status: 'completed', error: null });
    const cancelledJob = await jobAfter(
      'f',
      requested('f'),
      started('f'),
      retrying('f', 'fetching_messages', 1),
      cancelRequested('f'),
    );
    expect(cancelledJob).toMatchObject({ status: 'cancelled', error: null });
  });
});
