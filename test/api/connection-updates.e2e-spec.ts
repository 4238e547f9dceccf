import { AtlasHarness, readLog, startAtlas, waitForJob } from '../support/atlas-harness';
import { SlackEmulator } from '../support/slack-emulator';
import { connectSlack, seedChannel, startSlackWorkspace } from '../support/slack-workspace-fixture';

jest.setTimeout(60_000);

describe('changing and testing a connection', () => {
  let atlas: AtlasHarness;
  let slack: SlackEmulator;
  let connectionId: string;

  beforeAll(async () => {
    slack = await startSlackWorkspace();
    seedChannel(slack.workspace, 'C0ROTATE', { topLevel: 12 });
    atlas = await startAtlas();
    connectionId = (await connectSlack(atlas.api, slack)).connection_id;
  });

  afterAll(async () => {
    await atlas.close();
    await slack.stop();
  });

  it('tests a working connection without syncing anything', async () => {
    slack.clearCalls();
    const { status, body } = await atlas.api.post(`/api/connections/${connectionId}/test`, {});
    expect(status).toBe(200);
    expect(body).toMatchObject({
      connection_id: connectionId,
      ok: true,
      channels_visible: 1,
      channels_missing: [],
      error: null,
    });
    expect(slack.calls.some((call) => call.method.startsWith('conversations.history'))).toBe(false);
  });

  it('reports revoked credentials as a failed test with AUTH_ERROR', async () => {
    slack.validTokens.clear();
    const { status, body } = await atlas.api.post(`/api/connections/${connectionId}/test`, {});
    expect(status).toBe(200);
    expect(body.ok).toBe(false);
    expect(body.error.code).toBe('AUTH_ERROR');
  });

  it('refuses new credentials the platform does not accept, and changes nothing', async () => {
    const before = (await readLog(atlas.service.runtime.events)).length;
    const { status, body } = await atlas.api.put(`/api/connections/${connectionId}`, {
      credentials: { token: 'xoxb-still-wrong' },
    });
    expect(status).toBe(400);
    expect(body.error.code).toBe('AUTH_ERROR');
    expect((await readLog(atlas.service.runtime.events)).length).toBe(before);
    expect((await atlas.api.get(`/api/connections/${connectionId}`)).body.updated_at).toBeNull();
  });

  it('refuses an update with nothing in it, or a setting the platform does not have', async () => {
    expect((await atlas.api.put(`/api/connections/${connectionId}`, {})).status).toBe(400);
    const unknown = await atlas.api.put(`/api/connections/${connectionId}`, { config: { path: 'somewhere' } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toContain('config.path');
  });

  it('rotates the credentials, never shows them, and syncs with the new ones', async () => {
    slack.validTokens.add('xoxb-rotated-token');
    const { status, body } = await atlas.api.put(`/api/connections/${connectionId}`, {
      credentials: { token: 'xoxb-rotated-token' },
    });
    expect(status).toBe(200);
    expect(body.updated_at).not.toBeNull();
    expect(body.has_credentials).toBe(true);
    expect(JSON.stringify(body)).not.toContain('xoxb-rotated-token');
    const log = await readLog(atlas.service.runtime.events);
    expect(JSON.stringify(log)).not.toContain('xoxb-rotated-token');
    expect(log.at(-1)!.event).toMatchObject({ type: 'ConnectionUpdated', data: { changed: ['credentials'] } });

    expect((await atlas.api.post(`/api/connections/${connectionId}/test`, {})).body.ok).toBe(true);
    slack.clearCalls();
    const sync = await atlas.api.post('/api/sync', { channel_id: 'C0ROTATE' });
    const job = await waitForJob(atlas.api, 'C0ROTATE', sync.body.job_id, ['completed'], 30_000);
    expect(job.status).toBe('completed');
    expect(slack.calls.length).toBeGreaterThan(0);
    expect(slack.calls.every((call) => call.token === 'xoxb-rotated-token')).toBe(true);
  });
});
