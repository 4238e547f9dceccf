import { AtlasHarness, eventually, readLog, startAtlas, waitForJob } from '../support/atlas-harness';
import { CapturedLog } from '../support/captured-log';
import { ANY_METHOD, EMULATOR_TOKEN, SlackEmulator } from '../support/slack-emulator';
import { connectSlack, seedChannel, startSlackWorkspace } from '../support/slack-workspace-fixture';

jest.setTimeout(120_000);

/** Answers 503 to every call until `times` runs out, as a platform that is down does. */
const DOWN = { times: 1_000_000, status: 503 };

describe('a job whose platform cannot be reached says why it is stuck (issue 9, item 5)', () => {
  let atlas: AtlasHarness;
  let emulator: SlackEmulator;
  const log = new CapturedLog();

  beforeAll(async () => {
    atlas = await startAtlas({ env: { ATLAS_LOG_LEVEL: 'log', ATLAS_LOG_FORMAT: 'json' }, logDestination: log });
    emulator = await startSlackWorkspace();
  });

  afterAll(async () => {
    await atlas?.close();
    await emulator?.stop();
  });

  it('shows running with PLATFORM_ERROR and a near retrying_at while Slack answers 503, then completes with error null', async () => {
    const seeded = seedChannel(emulator.workspace, 'C9DOWN', { topLevel: 40 });
    await connectSlack(atlas.api, emulator);
    emulator.injectFault(ANY_METHOD, DOWN);

    const started = await atlas.api.post('/api/sync', { channel_id: 'C9DOWN' });
    expect(started.status).toBe(202);
    const jobId: string = started.body.job_id;
    const statusPath = `/api/sync/status?channel_id=C9DOWN&job_id=${jobId}`;

    // Between attempts the job waits; at some point while it waits its next attempt is still ahead.
    const stuck = await eventually(
      async () => {
        const now = Date.now();
        const { body } = await atlas.api.get(statusPath);
        const retryingAt = Date.parse(body.error?.details?.retrying_at ?? '');
        return retryingAt > now ? { body, now, retryingAt } : undefined;
      },
      30_000,
      'the running job to show its next retry',
    );
    expect(stuck.body).toMatchObject({
      status: 'running',
      current_stage: 'fetching_messages',
      error: {
        code: 'PLATFORM_ERROR',
        message: expect.stringContaining('Could not reach the platform'),
        details: {
          retrying_at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/),
          attempt: expect.any(Number),
        },
      },
    });
    // The backoff of the first attempts is seconds, not minutes.
    expect(stuck.retryingAt - stuck.now).toBeLessThanOrEqual(10_000);
    // Generic but useful: no token, no address of the platform, no socket error.
    const shown = JSON.stringify(stuck.body.error);
    expect(shown).not.toContain(EMULATOR_TOKEN);
    expect(shown).not.toContain(new URL(emulator.url).host);
    expect(shown).not.toContain('503');

    const history = await atlas.api.get('/api/sync/history?channel_id=C9DOWN&limit=1');
    expect(history.body.history[0]).toMatchObject({
      job_id: jobId,
      status: 'running',
      error: { code: 'PLATFORM_ERROR' },
    });

    // The platform comes back: the next attempt fetches everything and the error is gone.
    emulator.injectFault(ANY_METHOD, { times: 0, status: 503 });
    const done = await waitForJob(atlas.api, 'C9DOWN', jobId, ['completed', 'failed', 'cancelled']);
    expect(done).toMatchObject({ status: 'completed', error: null, progress: { total_messages: seeded.total } });
    const after = await atlas.api.get('/api/sync/history?channel_id=C9DOWN&limit=1');
    expect(after.body.history[0]).toMatchObject({ job_id: jobId, status: 'completed', error: null });

    // In the log: one SyncStageRetrying per failed attempt of the fetch, numbered, before its first batch.
    const ofJob = (await readLog(atlas.service.runtime.events))
      .map((e) => e.event)
      .filter((e) => (e.data as any).job_id === jobId);
    const retries = ofJob.filter((e) => e.type === 'SyncStageRetrying').map((e) => e.data as any);
    expect(retries.length).toBeGreaterThanOrEqual(1);
    expect(retries.map((r) => [r.stage, r.attempt])).toEqual(retries.map((_, i) => ['fetching_messages', i + 1]));
    const firstBatch = ofJob.findIndex((e) => e.type === 'MessagesFetched');
    expect(ofJob.findLastIndex((e) => e.type === 'SyncStageRetrying')).toBeLessThan(firstBatch);

    // However many attempts the fetch took, its log has one start line and one end line.
    const fetchLines = (event: string) =>
      log.lines.filter((l) => l.job_id === jobId && l.stage === 'fetching_messages' && l.event === event);
    await eventually(async () => (fetchLines('stage_ended').length > 0 ? true : undefined), 5_000, 'the end line');
    expect(fetchLines('stage_started')).toEqual([expect.objectContaining({ attempt: 1, resumed: false })]);
    const [ended, ...more] = fetchLines('stage_ended');
    expect(more).toEqual([]);
    expect(ended).toMatchObject({ outcome: 'completed', channel_id: 'C9DOWN' });
    // It ended on a later attempt, and its duration covers the waits between attempts (the times of the
    // two lines are taken a moment after the clock readings the duration comes from).
    expect(ended.attempt).toBeGreaterThan(1);
    const betweenLines = Date.parse(ended.time) - Date.parse(fetchLines('stage_started')[0].time);
    expect(ended.duration_ms).toBeGreaterThan(betweenLines - 50);
    expect(ended.duration_ms).toBeGreaterThan(1_000);
  });

  it("shows the same while nothing listens on the platform's port, and completes once it listens again", async () => {
    seedChannel(emulator.workspace, 'C9GONE', { topLevel: 12 });
    await connectSlack(atlas.api, emulator, { name: 'Unreachable workspace connection' });
    const port = Number(new URL(emulator.url).port);
    await emulator.stop();

    const { body: started } = await atlas.api.post('/api/sync', { channel_id: 'C9GONE' });
    const statusPath = `/api/sync/status?channel_id=C9GONE&job_id=${started.job_id}`;
    const stuck = await eventually(
      async () => {
        const { body } = await atlas.api.get(statusPath);
        return body.error?.details?.retrying_at ? body : undefined;
      },
      30_000,
      'the running job to show its next retry',
    );
    expect(stuck).toMatchObject({
      status: 'running',
      error: { code: 'PLATFORM_ERROR', message: expect.stringContaining('Could not reach the platform') },
    });
    // No socket error, no address: an API key must not make the gateway a port scanner.
    expect(JSON.stringify(stuck.error)).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|fetch failed/);

    await emulator.start(port);
    const done = await waitForJob(atlas.api, 'C9GONE', started.job_id, ['completed', 'failed', 'cancelled']);
    expect(done).toMatchObject({ status: 'completed', error: null, progress: { total_messages: 12 } });
  });

  it('records no retry once the job is cancelled while it waits', async () => {
    seedChannel(emulator.workspace, 'C9GIVEUP', { topLevel: 5 });
    await connectSlack(atlas.api, emulator, { name: 'Second workspace connection' });
    emulator.injectFault(ANY_METHOD, DOWN);
    const { body: started } = await atlas.api.post('/api/sync', { channel_id: 'C9GIVEUP' });
    await eventually(async () => {
      const { body } = await atlas.api.get(`/api/sync/status?channel_id=C9GIVEUP&job_id=${started.job_id}`);
      return body.error?.code === 'PLATFORM_ERROR' ? body : undefined;
    });
    const cancel = await atlas.api.post('/api/sync/cancel', { job_id: started.job_id });
    expect(cancel.status).toBe(200);
    const cancelled = await atlas.api.get(`/api/sync/status?channel_id=C9GIVEUP&job_id=${started.job_id}`);
    expect(cancelled.body).toMatchObject({ status: 'cancelled', error: null });
    // Let the fetcher's next attempt come and find the job closed.
    await new Promise((r) => setTimeout(r, 4_000));
    const ofJob = (await readLog(atlas.service.runtime.events))
      .map((e) => e.event)
      .filter((e) => (e.data as any).job_id === started.job_id)
      .map((e) => e.type);
    expect(ofJob.slice(ofJob.indexOf('SyncCancelRequested'))).toEqual(['SyncCancelRequested', 'SyncCancelled']);
    emulator.injectFault(ANY_METHOD, { times: 0, status: 503 });
  });
});
