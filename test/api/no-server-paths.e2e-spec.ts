import { mkdirSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AtlasHarness, connectExport, startAtlas, waitForJob } from '../support/atlas-harness';
import { generatedChannel, writeSlackExport } from '../support/slack-export-fixture';

jest.setTimeout(90_000);

describe('answers never show where the server keeps its files', () => {
  let atlas: AtlasHarness;
  let serverFolders: string[];

  beforeAll(async () => {
    atlas = await startAtlas();
    serverFolders = [...new Set([atlas.dataDir, realpathSync(atlas.dataDir)])];
    writeSlackExport(join(atlas.importDir, 'acme'), [generatedChannel('C0PATHS', 'paths', 5)]);
    mkdirSync(join(atlas.importDir, 'not-an-export'));
    writeFileSync(join(atlas.importDir, 'not-an-export', 'notes.txt'), 'nothing to see');
  });

  afterAll(() => atlas.close());

  const expectNoServerFolder = (answer: unknown) => {
    const text = JSON.stringify(answer);
    for (const folder of serverFolders) expect(text).not.toContain(folder);
  };

  it.each([
    ['a path that does not exist', 'missing'],
    ['a path outside the import folder', '../..'],
    ['a folder that is no export', 'not-an-export'],
  ])('refusing an export connection at %s', async (_label, path) => {
    const answer = await atlas.api.post('/api/connections', {
      name: 'x',
      platform: 'slack_export',
      config: { path },
    });
    expect(answer.status).toBeGreaterThanOrEqual(400);
    expect(answer.body.error.message).toEqual(expect.any(String));
    expectNoServerFolder(answer.body);
  });

  it('an export connection shows its path relative to the import folder, wherever it is read', async () => {
    const created = await connectExport(atlas.api, 'acme');
    expect(created.config.path).toBe('acme');
    expectNoServerFolder(created);
    for (const path of ['/api/connections', `/api/connections/${created.connection_id}`]) {
      const { body } = await atlas.api.get(path);
      expectNoServerFolder(body);
    }
    const tested = await atlas.api.post(`/api/connections/${created.connection_id}/test`);
    expect(tested.body.ok).toBe(true);
    expectNoServerFolder(tested.body);
  });

  it('an uploaded file is shown by its place in the import folder; a refused one names no folder', async () => {
    const csv = 'sent_at,user,body\n2026-01-05T09:00:00Z,ana,The deploy went out.\n';
    const mapping = '{"text":"body","timestamp":"sent_at","author":"user"}';
    const imported = await atlas.api.postForm('/api/imports', [{ name: 'tickets.csv', content: csv }], { mapping });
    expect(imported.status).toBe(201);
    expect(imported.body.config.path).toMatch(/^uploads\/[0-9a-f]{64}\.csv$/);
    expectNoServerFolder(imported.body);
    const refused = await atlas.api.postForm('/api/imports', [{ name: 'broken.csv', content: 'only,a,header\n' }], {
      mapping,
    });
    expect(refused.status).toBe(400);
    expectNoServerFolder(refused.body);
  });

  it('a job that fails on a vanished export says so without the server folder', async () => {
    writeSlackExport(join(atlas.importDir, 'vanishing'), [generatedChannel('C0GONE', 'gone', 5)]);
    await connectExport(atlas.api, 'vanishing', 'Vanishing export');
    rmSync(join(atlas.importDir, 'vanishing'), { recursive: true });
    const started = await atlas.api.post('/api/sync', { channel_id: 'C0GONE' });
    const failed = await waitForJob(atlas.api, 'C0GONE', started.body.job_id, ['failed']);
    expect(failed.error.message).toMatch(/vanishing/);
    expectNoServerFolder(failed);
    expectNoServerFolder((await atlas.api.get('/api/sync/history?channel_id=C0GONE')).body);
  });
});
