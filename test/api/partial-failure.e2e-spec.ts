import { join } from 'node:path';
import { AtlasHarness, connectExport, startAtlas, waitForJob } from '../support/atlas-harness';
import { generatedChannel, writeSlackExport } from '../support/slack-export-fixture';

jest.setTimeout(60_000);

describe('a message whose extraction fails', () => {
  let atlas: AtlasHarness;

  beforeAll(async () => {
    atlas = await startAtlas();
    const channel = generatedChannel('C0MIXED', 'mixed', 60);
    // The extractor refuses text with a NUL character: that message fails, the other 59 do not.
    channel.messages[17].text = 'We decided to rotate the keys\u0000 tonight.';
    writeSlackExport(join(atlas.importDir, 'acme'), [channel]);
    await connectExport(atlas.api, 'acme');
  });

  afterAll(() => atlas.close());

  const healthOfTheExport = async () => (await atlas.api.get('/api/connections')).body.connections[0].health;

  it('leaves the connection never synced before its first job', async () => {
    expect(await healthOfTheExport()).toEqual({
      status: 'never_synced',
      error_code: null,
      job_id: null,
      channel_id: null,
      as_of: null,
    });
  });

  it('is counted and named, and does not stop the job', async () => {
    const { body } = await atlas.api.post('/api/sync', { channel_id: 'C0MIXED' });
    const done = await waitForJob(atlas.api, 'C0MIXED', body.job_id, ['completed', 'failed']);
    const failingId = generatedChannel('C0MIXED', 'mixed', 60).messages[17].ts;
    expect(done.status).toBe('completed');
    expect(done.progress).toMatchObject({ total_messages: 60, processed_messages: 60, failing_messages: 1 });
    expect(done.error).toEqual({
      code: 'INTERNAL_ERROR',
      message: expect.stringMatching(/1 message/),
      details: { failing_message_id: failingId },
    });
    const facts = await atlas.service.runtime.store.find<any>('facts', { where: { channel_id: 'C0MIXED' } });
    expect(new Set(facts.map((f) => f.message_id)).size).toBe(59);
    expect(facts.some((f) => f.message_id === failingId)).toBe(false);
    const history = await atlas.api.get('/api/sync/history?channel_id=C0MIXED');
    expect(history.body.history[0].error.details.failing_message_id).toBe(failingId);
  });

  it('leaves the failing message readable by its id, with 404s for what is not stored', async () => {
    const source = generatedChannel('C0MIXED', 'mixed', 60).messages[17];
    const { body: history } = await atlas.api.get('/api/sync/history?channel_id=C0MIXED');
    const failingId = history.history[0].error.details.failing_message_id;
    expect(failingId).toBe(source.ts);

    const found = await atlas.api.get(`/api/channels/C0MIXED/messages/${encodeURIComponent(failingId)}`);
    expect(found.status).toBe(200);
    expect(found.body).toEqual({
      message_id: source.ts,
      channel_id: 'C0MIXED',
      author_name: 'Cho Park',
      timestamp: new Date(Number(source.ts) * 1000).toISOString(),
      text: 'We decided to rotate the keys\u0000 tonight.',
      thread_parent_id: null,
      permalink: null, // the export connection has no workspace_url to make links from
      edited: false,
      deleted: false,
    });

    const noMessage = await atlas.api.get('/api/channels/C0MIXED/messages/1.000001');
    expect(noMessage.status).toBe(404);
    expect(noMessage.body.error).toEqual({
      code: 'MESSAGE_NOT_FOUND',
      message: expect.any(String),
      details: { channel_id: 'C0MIXED', message_id: '1.000001' },
    });
    const noChannel = await atlas.api.get(`/api/channels/C404/messages/${encodeURIComponent(failingId)}`);
    expect(noChannel.status).toBe(404);
    expect(noChannel.body.error.code).toBe('CHANNEL_NOT_FOUND');
  });

  it('keeps the connection ok: extraction failed for one message, not the connection', async () => {
    const { body: history } = await atlas.api.get('/api/sync/history?channel_id=C0MIXED');
    const health = await healthOfTheExport();
    expect(health).toEqual({
      status: 'ok',
      error_code: null,
      job_id: history.history[0].job_id,
      channel_id: 'C0MIXED',
      as_of: expect.any(String),
    });
    // The history gives whole seconds; the health the exact time the job finished.
    expect(Math.abs(Date.parse(health.as_of) - Date.parse(history.history[0].completed_at))).toBeLessThan(1000);
  });
});
