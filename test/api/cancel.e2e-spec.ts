import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { EventStore } from '@atlas/messaging';
import { ChannelsQueries, JobsQueries } from '@atlas/read-models';
import { completeCancellation, decideOnChannel } from '@atlas/sync';
import { SyncService } from '../../libs/gateway/src/sync/sync.service';
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
      generatedChannel('C0RACE', 'race', 4000),
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

  describe('answers the truth about the job (issue 9, item 2)', () => {
    const ISO_SECOND = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

    async function startRunning(channelId: string): Promise<string> {
      const started = await atlas.api.post('/api/sync', { channel_id: channelId, force: true });
      expect(started.status).toBe(202);
      return started.body.job_id;
    }

    it('answers 200 to each of 20 cancels of freshly started jobs, and each job ends cancelled', async () => {
      const answers: Array<{ status: number; body: any }> = [];
      for (let round = 0; round < 20; round++) {
        const jobId = await startRunning('C0RACE');
        const cancel = await atlas.api.post('/api/sync/cancel', { job_id: jobId });
        answers.push(cancel);
        const status = await atlas.api.get(`/api/sync/status?channel_id=C0RACE&job_id=${jobId}`);
        expect(status.body).toMatchObject({ status: 'cancelled' });
        if (cancel.status === 200) expect(status.body.cancelled_at).toBe(cancel.body.cancelled_at);
      }
      expect(answers.map((a) => [a.status, a.body.status ?? a.body.error?.code])).toEqual(
        answers.map(() => [200, 'cancelled']),
      );
    });

    it('answers cancelled to 20 cancels whose SyncCancelled the dispatcher beat (the race behind the 409s)', async () => {
      // The gateway's SyncCancelRequested lands, then the dispatcher's SyncCancelled beats the gateway's own.
      // That order is forced here (the gateway is usually first): the gateway's log is the real one, except
      // that right after its SyncCancelRequested lands the dispatcher's decision runs, here or, when the
      // dispatcher on the pipeline thread was quicker still, there (then this one finds the job closed).
      const { runtime, app } = atlas.service;
      const racing = Object.create(runtime.events) as EventStore;
      racing.append = async (event, options) => {
        const appended = await runtime.events.append(event, options);
        if (event.type === 'SyncCancelRequested') {
          await decideOnChannel(
            runtime.events,
            event.data.channel_id,
            completeCancellation(event.data.job_id, 'scheduler'),
          );
        }
        return appended;
      };
      const gateway = new SyncService(
        racing,
        app.get(JobsQueries),
        app.get(ChannelsQueries),
        runtime.store,
        runtime.config,
      );
      const rounds: Array<{ jobId: string; answer: unknown }> = [];
      for (let round = 0; round < 20; round++) {
        const jobId = await startRunning('C0RACE');
        const answer = await gateway.cancel(jobId).catch((error: unknown) => error);
        rounds.push({ jobId, answer });
      }

      const log = await readLog(runtime.events);
      for (const { jobId, answer } of rounds) {
        const ofJob = log.filter((e) => (e.event.data as any).job_id === jobId).map((e) => e.event);
        const request = ofJob.find((e) => e.type === 'SyncCancelRequested');
        // The race really was lost: the job's only SyncCancelled is the dispatcher's.
        expect(ofJob.filter((e) => e.type === 'SyncCancelled').map((e) => e.metadata.producer)).toEqual(['scheduler']);
        expect(answer).toEqual({
          status: 'cancelled',
          job_id: jobId,
          cancelled_at: request?.metadata.occurred_at.replace(/\.\d{3}Z$/, 'Z'),
        });
      }
      const last = rounds[rounds.length - 1];
      const status = await atlas.api.get(`/api/sync/status?channel_id=C0RACE&job_id=${last.jobId}`);
      expect(status.body).toMatchObject({ status: 'cancelled', cancelled_at: (last.answer as any).cancelled_at });
    });

    it('answers 200 with one cancelled_at to 8 concurrent cancels of one job', async () => {
      const jobId = await startRunning('C0RACE');
      await waitForJob(atlas.api, 'C0RACE', jobId, ['running']);
      const answers = await Promise.all(
        Array.from({ length: 8 }, () => atlas.api.post('/api/sync/cancel', { job_id: jobId })),
      );
      expect(answers.map((a) => a.status)).toEqual(answers.map(() => 200));
      const cancelledAt = new Set(answers.map((a) => a.body.cancelled_at));
      expect(cancelledAt.size).toBe(1);
      const [at] = cancelledAt;
      expect(at).toMatch(ISO_SECOND);
      for (const answer of answers)
        expect(answer.body).toEqual({ status: 'cancelled', job_id: jobId, cancelled_at: at });
      const status = await atlas.api.get(`/api/sync/status?channel_id=C0RACE&job_id=${jobId}`);
      expect(status.body).toMatchObject({ status: 'cancelled', cancelled_at: at });
      // One cancellation, closed once.
      const log = await readLog(atlas.service.runtime.events);
      const types = log.filter((e) => (e.event.data as any).job_id === jobId).map((e) => e.event.type);
      expect(types.filter((t) => t === 'SyncCancelRequested')).toHaveLength(1);
      expect(types.filter((t) => t === 'SyncCancelled')).toHaveLength(1);
    });

    it('answers a repeated cancel with the first cancelled_at, even after the channel moved on to another job', async () => {
      const jobId = await startRunning('C0RACE');
      const first = await atlas.api.post('/api/sync/cancel', { job_id: jobId });
      expect(first.status).toBe(200);

      const again = await atlas.api.post('/api/sync/cancel', { job_id: jobId });
      expect(again.status).toBe(200);
      expect(again.body).toEqual(first.body);

      // The channel's last event is now another job's: the cancelled job's fate comes from its own events.
      const next = await startRunning('C0RACE');
      const later = await atlas.api.post('/api/sync/cancel', { job_id: jobId });
      expect(later.status).toBe(200);
      expect(later.body).toEqual(first.body);
      expect((await atlas.api.get(`/api/sync/status?channel_id=C0RACE&job_id=${next}`)).body.status).not.toBe(
        'cancelled',
      );
      expect((await atlas.api.post('/api/sync/cancel', { job_id: next })).status).toBe(200);
    });

    it('refuses to cancel a completed job: 409 JOB_NOT_CANCELLABLE with its true status', async () => {
      const { body: started } = await atlas.api.post('/api/sync', { channel_id: 'C0SMALL', force: true });
      await waitForJob(atlas.api, 'C0SMALL', started.job_id, ['completed']);
      const refused = await atlas.api.post('/api/sync/cancel', { job_id: started.job_id });
      expect(refused.status).toBe(409);
      expect(refused.body).toEqual({
        error: { code: 'JOB_NOT_CANCELLABLE', message: expect.any(String), details: { status: 'completed' } },
      });
      // Still so once the channel runs another job.
      const { body: next } = await atlas.api.post('/api/sync', { channel_id: 'C0SMALL', force: true });
      const stillRefused = await atlas.api.post('/api/sync/cancel', { job_id: started.job_id });
      expect(stillRefused.status).toBe(409);
      expect(stillRefused.body.error.details).toEqual({ status: 'completed' });
      await waitForJob(atlas.api, 'C0SMALL', next.job_id, ['completed']);
    });

    it('refuses to cancel a failed job: 409 JOB_NOT_CANCELLABLE with status failed', async () => {
      writeSlackExport(join(atlas.importDir, 'vanishing'), [generatedChannel('C0GONE', 'gone', 10)]);
      await connectExport(atlas.api, 'vanishing', 'Vanishing export');
      rmSync(join(atlas.importDir, 'vanishing', 'gone'), { recursive: true });
      const { body: started } = await atlas.api.post('/api/sync', { channel_id: 'C0GONE' });
      const failed = await waitForJob(atlas.api, 'C0GONE', started.job_id, ['failed', 'completed']);
      expect(failed.error.code).toBe('CHANNEL_NOT_FOUND');
      const refused = await atlas.api.post('/api/sync/cancel', { job_id: started.job_id });
      expect(refused.status).toBe(409);
      expect(refused.body.error).toMatchObject({ code: 'JOB_NOT_CANCELLABLE', details: { status: 'failed' } });
    });
  });
});
