import { join } from 'node:path';
import { AtlasHarness, connectExport, eventually, readLog, startAtlas, waitForJob } from '../support/atlas-harness';
import { generatedChannel, writeSlackExport } from '../support/slack-export-fixture';

jest.setTimeout(120_000);

describe('cancelling a sync', () => {
  let atlas: AtlasHarness;

  beforeAll(async () => {
    atlas = await startAtlas({ env: { ATLAS_MAX_CONCURRENT_SYNCS: '1' } });
    writeSlackExport(join(atlas.importDir, 'acme'), [
      generatedChannel('C0BIG', 'big', 4000),
      generatedChannel('C0SMALL', 'small', 50),
    ]);
    await connectExport(atlas.api, 'acme');
  });

  afterAll(() => atlas.close());

  it('stops a running job: nothing of it is appended after the cancellation, and committed facts stay', async () => {
    const { body: started } = await atlas.api.post('/api/sync', { channel_id: 'C0BIG' });
    await eventually(async () => {
      const { body } = await atlas.api.get(`/api/sync/status?channel_id=C0BIG&job_id=${started.job_id}`);
      return body.progress.processed_messages > 0 ? body : undefined;
    });

    const cancel = await atlas.api.post('/api/sync/cancel', { job_id: started.job_id });
    expect(cancel.status).toBe(200);
    expect(cancel.body).toEqual({
      status: 'cancelled',
      job_id: started.job_id,
      cancelled_at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/),
    });

    // Read-your-writes: the very next read shows the cancellation, and the channel is free again.
    const status = await atlas.api.get(`/api/sync/status?channel_id=C0BIG&job_id=${started.job_id}`);
    expect(status.body.status).toBe('cancelled');
    expect(status.body.cancelled_at).toBe(cancel.body.cancelled_at);
    const factsAtCancel = await atlas.service.runtime.store.count('facts', { channel_id: 'C0BIG' });
    expect(factsAtCancel).toBeGreaterThan(0);

    // Give the stages time to try to go on; the log must not take any of it.
    await new Promise((r) => setTimeout(r, 2_000));
    const log = await readLog(atlas.service.runtime.events);
    const ofJob = log.filter((e) => (e.event.data as any).job_id === started.job_id);
    const cancelAt = ofJob.findIndex((e) => e.event.type === 'SyncCancelRequested');
    expect(cancelAt).toBeGreaterThan(0);
    expect(ofJob.slice(cancelAt + 1).map((e) => e.event.type)).toEqual(['SyncCancelled']);
    expect(ofJob.some((e) => e.event.type === 'SyncCompleted')).toBe(false);
    expect(await atlas.service.runtime.store.count('facts', { channel_id: 'C0BIG' })).toBe(factsAtCancel);

    const history = await atlas.api.get('/api/sync/history?channel_id=C0BIG&limit=1');
    expect(history.body.history[0]).toMatchObject({ job_id: started.job_id, status: 'cancelled' });
  });

  it('lets the channel sync again as soon as the cancellation was answered', async () => {
    const { body: started } = await atlas.api.post('/api/sync', { channel_id: 'C0BIG' });
    await atlas.api.post('/api/sync/cancel', { job_id: started.job_id });
    const again = await atlas.api.post('/api/sync', { channel_id: 'C0BIG' });
    expect(again.status).toBe(202);
    await atlas.api.post('/api/sync/cancel', { job_id: again.body.job_id });
  });

  it('cancels a queued job before it ever starts', async () => {
    const { body: running } = await atlas.api.post('/api/sync', { channel_id: 'C0BIG', force: true });
    const { body: queued } = await atlas.api.post('/api/sync', { channel_id: 'C0SMALL' });
    expect(queued.status).toBe('queued');
    const cancel = await atlas.api.post('/api/sync/cancel', { job_id: queued.job_id });
    expect(cancel.status).toBe(200);
    await atlas.api.post('/api/sync/cancel', { job_id: running.job_id });
    await new Promise((r) => setTimeout(r, 500));
    const log = await readLog(atlas.service.runtime.events);
    const types = log.filter((e) => (e.event.data as any).job_id === queued.job_id).map((e) => e.event.type);
    expect(types).toEqual(['SyncRequested', 'SyncCancelRequested', 'SyncCancelled']);
    const again = await atlas.api.post('/api/sync', { channel_id: 'C0SMALL' });
    await waitForJob(atlas.api, 'C0SMALL', again.body.job_id, ['completed']);
  });
});
