import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { resolveSecrets, loadConfig } from '@atlas/config';
import { Projector, rebuildReadModels } from '@atlas/read-models';
import { createRuntime, Runtime } from '@atlas/runtime';
import { COLLECTION_NAMES, ReadModelStore } from '@atlas/store';
import { SyncScheduler } from '@atlas/scheduler';
import { AtlasHarness, connectExport, eventually, readLog, startAtlas, waitForJob } from '../support/atlas-harness';
import { generatedChannel, writeSlackExport } from '../support/slack-export-fixture';

jest.setTimeout(120_000);

/** Every document of every collection but the dispatcher's own state, by collection and id. */
async function snapshot(store: ReadModelStore) {
  const all: Record<string, unknown[]> = {};
  for (const collection of COLLECTION_NAMES) {
    const docs = await store.find(collection, { orderBy: [['id', 'asc']] });
    all[collection] = docs.filter((doc) => !(collection === 'checkpoints' && doc.id === 'dispatcher'));
  }
  // The full-text index is part of the facts projection: the same words find the same facts.
  const words = new Set((all.facts as Array<{ text: string }>).flatMap((fact) => fact.text.split(/\W+/).slice(0, 2)));
  for (const word of [...words].filter((w) => w.length > 2).slice(0, 40)) {
    const found = await store.find('facts', { where: { text: { $matches: word } }, orderBy: [['id', 'asc']] });
    all[`facts matching ${word}`] = found.map((fact) => fact.id);
  }
  return all;
}

describe('read models are projections of the log', () => {
  let atlas: AtlasHarness;
  let runtime: Runtime;
  let original: Awaited<ReturnType<typeof snapshot>>;

  beforeAll(async () => {
    atlas = await startAtlas({ env: { ATLAS_MAX_CONCURRENT_SYNCS: '1' } });
    const exportDir = join(atlas.importDir, 'acme');
    writeSlackExport(exportDir, [
      generatedChannel('C0ALPHA', 'alpha', 300),
      generatedChannel('C0BETA', 'beta', 80),
      generatedChannel('C0GONE', 'gone', 20),
      generatedChannel('C0LONG', 'long', 3000),
    ]);
    await connectExport(atlas.api, 'acme');
    const { api } = atlas;

    // A history with every kind of outcome: completed, incremental, cancelled, failed, scheduled.
    const alpha = await api.post('/api/sync', { channel_id: 'C0ALPHA' });
    await waitForJob(api, 'C0ALPHA', alpha.body.job_id, ['completed']);
    const beta = await api.post('/api/sync', { channel_id: 'C0BETA' });
    await waitForJob(api, 'C0BETA', beta.body.job_id, ['completed']);
    const again = await api.post('/api/sync', { channel_id: 'C0ALPHA', force: true });
    await waitForJob(api, 'C0ALPHA', again.body.job_id, ['completed']);
    const long = await api.post('/api/sync', { channel_id: 'C0LONG' });
    await eventually(async () =>
      (await api.get(`/api/sync/status?channel_id=C0LONG`)).body.progress.processed_messages > 0 ? true : undefined,
    );
    await api.post('/api/sync/cancel', { job_id: long.body.job_id });
    rmSync(join(exportDir, 'gone'), { recursive: true });
    const gone = await api.post('/api/sync', { channel_id: 'C0GONE' });
    const failed = await waitForJob(api, 'C0GONE', gone.body.job_id, ['failed']);
    expect(failed.error.code).toBe('CHANNEL_NOT_FOUND');
    await api.put('/api/sync/schedules', { channel_id: 'C0BETA', schedule: '0 6 * * *', timezone: 'America/New_York' });
    await atlas.service.app.get(SyncScheduler).fire('C0BETA', '2031-01-01T11:00:00Z');
    await eventually(async () => {
      const last = await atlas.service.runtime.events.lastSequence();
      return (await new Projector(atlas.service.runtime.store).position()) === last ? true : undefined;
    });
    const scheduled = (await api.get('/api/sync/history?channel_id=C0BETA&limit=1')).body.history[0];
    await waitForJob(api, 'C0BETA', scheduled.job_id, ['completed']);

    original = await snapshot(atlas.service.runtime.store);
    await atlas.stopService();
    const config = loadConfig(atlas.env);
    runtime = await createRuntime(
      config,
      resolveSecrets(config, { generateMissing: false, needApiKeys: false, needSecretKey: false }),
      'rebuild-test',
    );
  });

  afterAll(async () => {
    await runtime?.close();
    await atlas.close();
  });

  it('covers every kind of document', () => {
    for (const collection of [
      'connections',
      'channels',
      'jobs',
      'schedules',
      'messages',
      'facts',
      'entities',
      'relations',
      'wiki_pages',
      'search_entries',
    ]) {
      expect(original[collection].length).toBeGreaterThan(0);
    }
    const statuses = new Set((original.jobs as Array<{ status: string }>).map((job) => job.status));
    expect([...statuses].sort()).toEqual(['cancelled', 'completed', 'failed']);
  });

  it('empties the read models, rebuilds them from the log, and gets the same documents', async () => {
    await new Projector(runtime.store).reset();
    expect(await runtime.store.count('jobs')).toBe(0);
    expect(await runtime.store.count('facts')).toBe(0);
    const { events } = await rebuildReadModels(runtime.store, runtime.events);
    expect(events).toBe((await readLog(runtime.events)).length);
    expect(await snapshot(runtime.store)).toEqual(original);
  });

  it('changes nothing when events are applied a second time', async () => {
    const projector = new Projector(runtime.store);
    const log = await readLog(runtime.events);
    for (const { seq, event } of log.slice(-200)) await projector.apply({ seq, subject: '', event });
    expect(await snapshot(runtime.store)).toEqual(original);
  });
});
