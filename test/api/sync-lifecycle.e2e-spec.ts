import { join } from 'node:path';
import { AtlasHarness, connectExport, readLog, startAtlas, waitForJob } from '../support/atlas-harness';
import { generatedChannel, writeChannelDays, writeSlackExport } from '../support/slack-export-fixture';

jest.setTimeout(120_000);

const STAGES = ['fetching_messages', 'extracting_facts', 'building_graph', 'generating_wiki'];
const ISO_SECONDS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

describe('Sync API: a sync from trigger to history', () => {
  let atlas: AtlasHarness;
  const general = generatedChannel('C0GENERAL', 'general', 120);
  const random = generatedChannel('C0RANDOM', 'random', 30);

  beforeAll(async () => {
    atlas = await startAtlas();
    writeSlackExport(join(atlas.importDir, 'acme'), [general, random]);
    await connectExport(atlas.api, 'acme');
  });

  afterAll(() => atlas.close());

  it('lists the discovered channels', async () => {
    const { status, body } = await atlas.api.get('/api/channels');
    expect(status).toBe(200);
    expect(body.channels.map((c: any) => c.channel_id).sort()).toEqual(['C0GENERAL', 'C0RANDOM']);
    expect(body.channels[0]).toEqual({
      channel_id: 'C0GENERAL',
      name: 'general',
      connection_id: expect.stringMatching(/^conn_/),
      platform: 'slack_export',
      last_sync: null,
    });
  });

  let firstJob: string;

  it('starts a sync and answers with the spec fields; the next read already shows the job', async () => {
    const { status, body } = await atlas.api.post('/api/sync', { channel_id: 'C0GENERAL' });
    expect(status).toBe(202);
    expect(body).toEqual({
      status: 'started',
      job_id: expect.stringMatching(/^sync_/),
      channel_id: 'C0GENERAL',
      estimated_messages: 120,
      started_at: expect.stringMatching(ISO_SECONDS),
    });
    firstJob = body.job_id;
    // Read-your-writes: no waiting between the answer and this read.
    const status1 = await atlas.api.get(`/api/sync/status?channel_id=C0GENERAL&job_id=${firstJob}`);
    expect(status1.status).toBe(200);
    expect(status1.body.job_id).toBe(firstJob);
    expect(['running', 'completed']).toContain(status1.body.status);
  });

  it('reports progress that never goes backwards, then completes', async () => {
    const seen: any[] = [];
    for (;;) {
      const { body } = await atlas.api.get(`/api/sync/status?channel_id=C0GENERAL&job_id=${firstJob}`);
      seen.push(body);
      if (body.status !== 'running') break;
      await new Promise((r) => setTimeout(r, 20));
    }
    const done = seen.at(-1);
    expect(done).toMatchObject({
      status: 'completed',
      progress: { total_messages: 120, processed_messages: 120, failing_messages: 0, percentage: 100 },
      current_stage: null,
      estimated_completion: null,
      error: null,
    });
    for (const [i, s] of seen.entries()) {
      expect(Number.isInteger(s.progress.percentage)).toBe(true);
      expect(s.progress.percentage).toBeGreaterThanOrEqual(0);
      expect(s.progress.percentage).toBeLessThanOrEqual(100);
      if (s.status === 'running') expect(STAGES).toContain(s.current_stage);
      if (i > 0) {
        expect(s.progress.percentage).toBeGreaterThanOrEqual(seen[i - 1].progress.percentage);
        expect(s.progress.processed_messages).toBeGreaterThanOrEqual(seen[i - 1].progress.processed_messages);
      }
    }
  });

  it('records the job in the history with the spec fields', async () => {
    const { status, body } = await atlas.api.get('/api/sync/history?channel_id=C0GENERAL');
    expect(status).toBe(200);
    expect(body.history).toHaveLength(1);
    const [entry] = body.history;
    expect(entry).toEqual({
      job_id: firstJob,
      channel_id: 'C0GENERAL',
      status: 'completed',
      started_at: expect.stringMatching(ISO_SECONDS),
      completed_at: expect.stringMatching(ISO_SECONDS),
      duration_seconds: expect.any(Number),
      messages_synced: 120,
      facts_extracted: expect.any(Number),
      entities_created: expect.any(Number),
      error: null,
    });
    expect(entry.facts_extracted).toBeGreaterThan(100);
    expect(entry.entities_created).toBeGreaterThan(5);
    const channels = await atlas.api.get('/api/channels');
    expect(channels.body.channels.find((c: any) => c.channel_id === 'C0GENERAL').last_sync).toMatch(/^\d{4}-/);
  });

  it('syncs incrementally from the cursor: only new messages are fetched', async () => {
    const more = generatedChannel('C0GENERAL', 'general', 130);
    writeChannelDays(join(atlas.importDir, 'acme'), more);
    const { body } = await atlas.api.post('/api/sync', { channel_id: 'C0GENERAL' });
    const done = await waitForJob(atlas.api, 'C0GENERAL', body.job_id, ['completed']);
    expect(done.progress.total_messages).toBe(10);
  });

  it('re-syncs everything with force, without duplicating facts or entities', async () => {
    const before = await factAndEntityIds(atlas);
    const { body } = await atlas.api.post('/api/sync', { channel_id: 'C0GENERAL', force: true });
    expect(body.estimated_messages).toBe(130);
    const done = await waitForJob(atlas.api, 'C0GENERAL', body.job_id, ['completed']);
    expect(done.progress.total_messages).toBe(130);
    const history = await atlas.api.get('/api/sync/history?channel_id=C0GENERAL');
    expect(history.body.history[0].entities_created).toBe(0);
    const after = await factAndEntityIds(atlas);
    expect(after.facts).toEqual(before.facts);
    expect(after.entities).toEqual(before.entities);
  });

  it('lists history newest first and honours limit', async () => {
    const { body } = await atlas.api.get('/api/sync/history?channel_id=C0GENERAL&limit=2');
    expect(body.history).toHaveLength(2);
    expect(body.history[1].job_id).not.toBe(firstJob);
    const all = await atlas.api.get('/api/sync/history?channel_id=C0GENERAL');
    expect(all.body.history.map((h: any) => h.job_id).at(-1)).toBe(firstJob);
  });

  it('answers the status of the latest job when no job_id is given', async () => {
    const history = await atlas.api.get('/api/sync/history?channel_id=C0GENERAL&limit=1');
    const { body } = await atlas.api.get('/api/sync/status?channel_id=C0GENERAL');
    expect(body.job_id).toBe(history.body.history[0].job_id);
  });

  it('keeps every stage of the pipeline in the log, in order, for each job', async () => {
    const log = await readLog(atlas.service.runtime.events);
    const types = log.filter((e) => (e.event.data as any).job_id === firstJob).map((e) => e.event.type);
    const order = [
      'SyncRequested',
      'SyncStarted',
      'FetchCompleted',
      'ExtractionCompleted',
      'GraphCompleted',
      'WikiGenerated',
      'SyncCompleted',
    ];
    const positions = order.map((type) => (types as string[]).indexOf(type));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(types.at(-1)).toBe('SyncCompleted');
  });
});

async function factAndEntityIds(atlas: AtlasHarness) {
  const store = atlas.service.runtime.store;
  const facts = (await store.find('facts', { where: { channel_id: 'C0GENERAL' } })).map((f) => f.id).sort();
  const entities = (await store.find('entities', {})).map((e) => e.id).sort();
  return { facts, entities };
}
