import { join } from 'node:path';
import { startService } from '@atlas/bootstrap';
import { loadConfig, resolveSecrets } from '@atlas/config';
import { Projector, rebuildReadModels } from '@atlas/read-models';
import { createRuntime } from '@atlas/runtime';
import { ApiClient } from '../support/api-client';
import { AtlasHarness, connectExport, startAtlas, TEST_API_KEY, waitForJob } from '../support/atlas-harness';
import { FerretDbFixture, mongoTarget } from '../support/ferretdb-server';
import { walkListing } from '../support/paged-listing';
import { generatedChannel, writeSlackExport } from '../support/slack-export-fixture';

jest.setTimeout(300_000);

const KNOW = 'C0KNOW';
const OTHER = 'C0OTHER';

/** Fields whose values depend on when the run happened or on ids generated per run. */
const VOLATILE_KEY =
  /(^|_)(job_id|connection_id|duration_ms|duration_seconds|latency_ms|messages_per_second|last_sync)$|_at$|^eta/;
const STABLE_TIMES = new Set(['valid_at', 'due_at', 'timestamp']);

/** An answer with what legitimately differs between two runs masked; everything else must be equal. */
function comparable(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(comparable);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => [
      key,
      VOLATILE_KEY.test(key) && !STABLE_TIMES.has(key) && inner !== null ? '<varies>' : comparable(inner),
    ]),
  );
}

/** What a user reads through the Sync API and the knowledge read API after the same syncs. */
async function readEverything(api: ApiClient) {
  const answers: Record<string, unknown> = {};
  const get = async (path: string) => {
    const { status, body } = await api.get(path);
    answers[path] = { status, body: comparable(body) };
    return body;
  };
  await get('/api/channels');
  for (const channel of [KNOW, OTHER]) {
    await get(`/api/sync/status?channel_id=${channel}`);
    await get(`/api/sync/history?channel_id=${channel}`);
    await get(`/api/sync/schedules?channel_id=${channel}`);
    const facts = (await walkListing(api, `/api/channels/${channel}/facts`, 'facts', 50)).items;
    answers[`all facts of ${channel}`] = comparable(facts);
    for (const fact of facts.filter((_, index) => index % 7 === 0)) {
      await get(`/api/channels/${channel}/facts/${fact.id}`);
      await get(`/api/channels/${channel}/messages/${fact.source.message_id}`);
    }
    await get(`/api/channels/${channel}/facts?type=decision,action_item&limit=20`);
    await get(`/api/channels/${channel}/facts?q=billing&limit=20`);
    const pages = (await get(`/api/wiki/${channel}`)).pages as Array<{ slug: string }>;
    for (const page of pages) {
      await get(`/api/wiki/${channel}/pages/${page.slug}`);
      await get(`/api/wiki/${channel}/pages/${page.slug}/versions`);
    }
  }
  const entities = (await walkListing(api, '/api/graph/entities', 'entities', 50)).items;
  answers['all entities'] = comparable(entities);
  for (const entity of entities.slice(0, 15)) await get(`/api/graph/entities/${encodeURIComponent(entity.id)}`);
  await get(`/api/graph/entities?channel_id=${KNOW}&type=person&limit=10`);
  return answers;
}

const mongo = mongoTarget();
if ('reason' in mongo) process.stdout.write(`MongoDB end-to-end suite skipped: ${mongo.reason}\n`);

/**
 * The production path: the same syncs run once on the embedded SQLite store and once with MONGODB_URI set (a real
 * MongoDB when the variable is set for the test run, else a FerretDB of the suite's own); every answer of the Sync
 * API and the knowledge read API must be the same, before and after the MongoDB read models are rebuilt from the log.
 */
('reason' in mongo ? describe.skip : describe)('the product on MongoDB read models', () => {
  let ferretDb: FerretDbFixture | undefined;
  let onSqlite: AtlasHarness;
  let onMongo: AtlasHarness;
  let expected: Record<string, unknown>;

  async function runSyncs(atlas: AtlasHarness) {
    writeSlackExport(join(atlas.importDir, 'acme'), [
      generatedChannel(KNOW, 'knowledge', 120),
      generatedChannel(OTHER, 'other', 30, 1_767_312_000),
    ]);
    await connectExport(atlas.api, 'acme');
    for (const [channel, force] of [
      [KNOW, false],
      [OTHER, false],
      [KNOW, true],
    ] as const) {
      const started = await atlas.api.post('/api/sync', { channel_id: channel, force });
      expect(started.status).toBe(202);
      const done = await waitForJob(atlas.api, channel, started.body.job_id, ['completed', 'failed'], 120_000);
      expect({ status: done.status, error: done.error }).toEqual({ status: 'completed', error: null });
    }
    const schedule = await atlas.api.put('/api/sync/schedules', {
      channel_id: OTHER,
      schedule: '0 6 * * 1-5',
      timezone: 'Europe/Lisbon',
    });
    expect(schedule.status).toBe(200);
  }

  beforeAll(async () => {
    let mongodbUri: string;
    if ('uri' in mongo) mongodbUri = mongo.uri.replace(/^(mongodb(?:\+srv)?:\/\/[^/?]*)(\/[^?]*)?/, '$1/atlas_e2e');
    else {
      ferretDb = await FerretDbFixture.start((mongo as { binary: string }).binary);
      mongodbUri = ferretDb.uri('atlas_e2e');
    }
    onMongo = await startAtlas({ env: { MONGODB_URI: mongodbUri } });
    expect(onMongo.service.runtime.store.kind).toBe('mongodb');
    await runSyncs(onMongo);
    onSqlite = await startAtlas();
    await runSyncs(onSqlite);
    expected = await readEverything(onSqlite.api);
    await onSqlite.close();
  });

  afterAll(async () => {
    await onMongo?.close();
    await ferretDb?.stop();
  });

  it('answers the Sync API and the knowledge read API exactly as on SQLite', async () => {
    expect(Object.keys(expected).length).toBeGreaterThan(40);
    expect((expected[`all facts of ${KNOW}`] as unknown[]).length).toBeGreaterThan(50);
    expect(await readEverything(onMongo.api)).toEqual(expected);
  });

  it('rebuilds the MongoDB read models from the log and answers the same again', async () => {
    await onMongo.stopService();
    const config = loadConfig(onMongo.env);
    const secrets = resolveSecrets(config, { generateMissing: false, needApiKeys: false, needSecretKey: false });
    const runtime = await createRuntime(config, secrets, 'rebuild-test');
    try {
      expect(runtime.store.kind).toBe('mongodb');
      await new Projector(runtime.store).reset();
      expect(await runtime.store.count('facts')).toBe(0);
      await rebuildReadModels(runtime.store, runtime.events);
    } finally {
      await runtime.close();
    }
    const restarted = await startService('atlas', { env: onMongo.env });
    try {
      expect(await readEverything(new ApiClient(restarted.url ?? '', TEST_API_KEY))).toEqual(expected);
    } finally {
      await restarted.close();
    }
  });
});
