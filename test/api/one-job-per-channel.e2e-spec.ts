import { join } from 'node:path';
import { AtlasHarness, connectExport, readLog, startAtlas, waitForJob } from '../support/atlas-harness';
import { generatedChannel, writeSlackExport } from '../support/slack-export-fixture';

jest.setTimeout(120_000);

describe('one active job per channel, a global limit on running jobs', () => {
  let atlas: AtlasHarness;

  beforeAll(async () => {
    atlas = await startAtlas({ env: { ATLAS_MAX_CONCURRENT_SYNCS: '1' } });
    writeSlackExport(join(atlas.importDir, 'acme'), [
      generatedChannel('C0BIG', 'big', 3000),
      generatedChannel('C0ONE', 'one', 400),
      generatedChannel('C0TWO', 'two', 400),
    ]);
    await connectExport(atlas.api, 'acme');
  });

  afterAll(() => atlas.close());

  it('creates exactly one job from twenty concurrent requests; the others get SYNC_IN_PROGRESS with its id', async () => {
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => atlas.api.post('/api/sync', { channel_id: 'C0BIG' })),
    );
    const created = answers.filter((a) => a.status === 202);
    const refused = answers.filter((a) => a.status === 409);
    expect(created).toHaveLength(1);
    expect(refused).toHaveLength(19);
    const jobId = created[0].body.job_id;
    for (const answer of refused) {
      expect(answer.body.error.code).toBe('SYNC_IN_PROGRESS');
      expect(answer.body.error.details.job_id).toBe(jobId);
    }
    const log = await readLog(atlas.service.runtime.events);
    const requested = log.filter((e) => e.event.type === 'SyncRequested' && e.event.data.channel_id === 'C0BIG');
    expect(requested).toHaveLength(1);
    await waitForJob(atlas.api, 'C0BIG', jobId, ['completed'], 90_000);
  });

  it('queues jobs over ATLAS_MAX_CONCURRENT_SYNCS and starts them in request order, one at a time', async () => {
    const first = await atlas.api.post('/api/sync', { channel_id: 'C0BIG', force: true });
    const second = await atlas.api.post('/api/sync', { channel_id: 'C0ONE' });
    const third = await atlas.api.post('/api/sync', { channel_id: 'C0TWO' });
    expect(first.body.status).toBe('started');
    expect(second.body.status).toBe('queued');
    expect(third.body.status).toBe('queued');
    expect(second.body.started_at).toBeNull();

    const queued = await atlas.api.get(`/api/sync/status?channel_id=C0TWO&job_id=${third.body.job_id}`);
    expect(queued.body).toMatchObject({ status: 'queued', current_stage: null, started_at: null });

    await waitForJob(atlas.api, 'C0TWO', third.body.job_id, ['completed'], 90_000);
    const jobs = [first.body.job_id, second.body.job_id, third.body.job_id];
    const log = await readLog(atlas.service.runtime.events);
    const seqOf = (type: string, jobId: string) =>
      log.find((e) => e.event.type === type && (e.event.data as any).job_id === jobId)!.seq;
    // In order, and never two at once: each job starts only after the one before it completed.
    expect(seqOf('SyncStarted', jobs[1])).toBeGreaterThan(seqOf('SyncCompleted', jobs[0]));
    expect(seqOf('SyncStarted', jobs[2])).toBeGreaterThan(seqOf('SyncCompleted', jobs[1]));
  });
});
