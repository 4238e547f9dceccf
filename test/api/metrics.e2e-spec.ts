import { connect } from 'node:net';
import { join } from 'node:path';
import {
  AtlasHarness,
  connectExport,
  eventually,
  startAtlas,
  TEST_API_KEY,
  waitForJob,
} from '../support/atlas-harness';
import { NatsServerFixture } from '../support/nats-server';
import { Scrape } from '../support/prometheus-text';
import { generatedChannel, writeSlackExport } from '../support/slack-export-fixture';
import { connectSlack, seedChannel, startSlackWorkspace } from '../support/slack-workspace-fixture';

jest.setTimeout(120_000);

/** Whether something accepts TCP connections at the nats:// URL's port. */
function accepts(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url.replace(/^nats:/, 'http:'));
  return new Promise((resolve) => {
    const socket = connect(Number(port), hostname, () => {
      socket.destroy();
      resolve(true);
    });
    socket.on('error', () => resolve(false));
  });
}

const STAGES = ['fetching_messages', 'extracting_facts', 'building_graph', 'generating_wiki'];
const WORKERS = [
  'projector',
  'dispatcher',
  'fetcher',
  'extractor',
  'graph-builder',
  'wiki-generator',
  'webhook-fanout',
  'webhook-delivery',
];
const METRICS_TOKEN = 'metrics-token-0123456789';

async function getMetrics(atlas: AtlasHarness, bearer: string | null = TEST_API_KEY) {
  const response = await fetch(`${atlas.service.url}/metrics`, {
    headers: bearer === null ? {} : { authorization: `Bearer ${bearer}` },
  });
  return { status: response.status, type: response.headers.get('content-type'), text: await response.text() };
}

async function scrape(atlas: AtlasHarness): Promise<Scrape> {
  const { status, text } = await getMetrics(atlas);
  expect(status).toBe(200);
  return new Scrape(text);
}

describe('GET /metrics after a sync of an export', () => {
  let atlas: AtlasHarness;
  const channel = generatedChannel('C0METRICS', 'metrics', 60);
  let jobId: string;

  beforeAll(async () => {
    atlas = await startAtlas();
    writeSlackExport(join(atlas.importDir, 'acme'), [channel]);
    await connectExport(atlas.api, 'acme');
    const started = await atlas.api.post('/api/sync', { channel_id: 'C0METRICS' });
    expect(started.status).toBe(202);
    jobId = started.body.job_id;
    await waitForJob(atlas.api, 'C0METRICS', jobId, ['completed']);
  });

  afterAll(() => atlas?.close());

  it('answers 401 in the error envelope without a key or with a wrong one', async () => {
    for (const bearer of [null, 'not-a-key-0123456789abcdef', METRICS_TOKEN]) {
      const answer = await getMetrics(atlas, bearer);
      expect(answer.status).toBe(401);
      expect(JSON.parse(answer.text)).toEqual({
        error: { code: 'UNAUTHORIZED', message: expect.any(String), details: {} },
      });
    }
  });

  it('shows the job, the messages, facts and entities it processed, as the read models hold them', async () => {
    const { status, type, text } = await getMetrics(atlas);
    expect(status).toBe(200);
    expect(type).toMatch(/^text\/plain; version=0\.0\.4/);
    const metrics = new Scrape(text);

    expect(metrics.value('atlas_jobs', { status: 'completed' })).toBe(1);
    for (const status of ['queued', 'running', 'failed', 'cancelled']) {
      expect(metrics.value('atlas_jobs', { status })).toBe(0);
    }
    expect(metrics.value('atlas_messages_fetched_total')).toBe(60);
    expect(metrics.value('atlas_messages_extracted_total')).toBe(60);

    const store = atlas.service.runtime.store;
    const facts = await store.count('facts', { channel_id: 'C0METRICS' });
    const entities = await store.count('entities', {});
    expect(facts).toBeGreaterThan(0);
    expect(entities).toBeGreaterThan(0);
    expect(metrics.value('atlas_facts_extracted_total')).toBe(facts);
    expect(metrics.value('atlas_entities_created_total')).toBe(entities);
    expect(metrics.value('atlas_relations_created_total')).toBe(await store.count('relations', {}));
    expect(metrics.value('atlas_wiki_pages_changed_total')).toBe(
      await store.count('wiki_pages', { channel_id: 'C0METRICS' }),
    );
    for (const source of ['read_models', 'event_log', 'jetstream_consumers']) {
      expect(metrics.value('atlas_metrics_source_up', { source })).toBe(1);
    }
  });

  it('has one observation per stage, and the stages add up to the job', async () => {
    const metrics = await scrape(atlas);
    let stagesSeconds = 0;
    for (const stage of STAGES) {
      expect(metrics.value('atlas_stage_duration_seconds_count', { stage })).toBe(1);
      expect(metrics.value('atlas_stage_duration_seconds_bucket', { stage, le: '+Inf' })).toBe(1);
      const buckets = metrics.all('atlas_stage_duration_seconds_bucket', { stage }).map((s) => s.value);
      // Cumulative: never decreasing, from 0 or 1 up to the count.
      expect(buckets).toEqual([...buckets].sort((a, b) => a - b));
      stagesSeconds += metrics.value('atlas_stage_duration_seconds_sum', { stage });
    }
    expect(metrics.value('atlas_job_duration_seconds_count', { status: 'completed' })).toBe(1);
    expect(metrics.value('atlas_job_duration_seconds_count', { status: 'failed' })).toBe(0);
    const jobSeconds = metrics.value('atlas_job_duration_seconds_sum', { status: 'completed' });
    expect(jobSeconds).toBeGreaterThan(0);
    // Each stage's time starts where the one before ended, so together they cover the job up to its last stage.
    expect(stagesSeconds).toBeGreaterThan(0);
    expect(stagesSeconds).toBeLessThanOrEqual(jobSeconds + 0.001);
    expect(jobSeconds - stagesSeconds).toBeLessThan(2);
  });

  it('shows every durable consumer and the projection caught up with the log', async () => {
    const metrics = await eventually(async () => {
      const current = await scrape(atlas);
      const caughtUp =
        current.value('atlas_projection_lag_events') === 0 &&
        current.value('atlas_jetstream_consumer_pending_messages', { consumer: 'projector' }) === 0;
      return caughtUp ? current : undefined;
    });
    const last = await atlas.service.runtime.events.lastSequence();
    expect(metrics.value('atlas_event_log_last_sequence')).toBe(last);
    expect(metrics.value('atlas_projection_position')).toBe(last);
    for (const consumer of WORKERS) {
      for (const name of [
        'atlas_jetstream_consumer_pending_messages',
        'atlas_jetstream_consumer_ack_pending_messages',
        'atlas_jetstream_consumer_redelivered_messages',
      ]) {
        expect(metrics.value(name, { consumer })).toBeGreaterThanOrEqual(0);
      }
    }
  });

  it('times HTTP requests by route pattern and status, never by raw URL', async () => {
    const route = { method: 'GET', route: '/api/sync/status' };
    const before = await scrape(atlas);
    for (let i = 0; i < 3; i++) {
      expect((await atlas.api.get(`/api/sync/status?channel_id=C0METRICS&job_id=${jobId}`)).status).toBe(200);
    }
    expect((await atlas.api.get('/api/sync/status?channel_id=C0NOSUCH')).status).toBe(404);
    expect((await atlas.api.get('/api/no-such-route/12345')).status).toBe(404);
    // Refused by the key check before any route handled it.
    expect((await atlas.api.withKey(null).get(`/api/sync/status?channel_id=C0METRICS`)).status).toBe(401);
    const after = await scrape(atlas);

    const count = (scrape: Scrape, status: string) =>
      scrape.sum('atlas_http_request_duration_seconds_count', { ...route, status });
    expect(count(after, '200') - count(before, '200')).toBe(3);
    expect(count(after, '404') - count(before, '404')).toBe(1);
    const unmatched = { method: 'GET', route: 'unmatched', status: '404' };
    expect(
      after.sum('atlas_http_request_duration_seconds_count', unmatched) -
        before.sum('atlas_http_request_duration_seconds_count', unmatched),
    ).toBe(1);
    const refused = { method: 'GET', route: 'unmatched', status: '401' };
    expect(
      after.sum('atlas_http_request_duration_seconds_count', refused) -
        before.sum('atlas_http_request_duration_seconds_count', refused),
    ).toBe(1);
    const routes = new Set(after.all('atlas_http_request_duration_seconds_count').map((s) => s.labels.route));
    expect([...routes].some((r) => r.includes('12345') || r.includes('C0METRICS') || r.includes('?'))).toBe(false);
    expect(after.value('atlas_http_request_duration_seconds_bucket', { ...route, status: '200', le: '+Inf' })).toBe(
      count(after, '200'),
    );
  });

  it("includes the process's own metrics", async () => {
    const metrics = await scrape(atlas);
    expect(metrics.value('process_cpu_user_seconds_total')).toBeGreaterThan(0);
    expect(metrics.value('nodejs_heap_size_used_bytes')).toBeGreaterThan(0);
  });
});

describe('GET /metrics access settings', () => {
  let nats: NatsServerFixture;

  beforeAll(async () => {
    nats = await NatsServerFixture.start();
  });
  afterAll(() => nats?.stop());

  it('ATLAS_METRICS_TOKEN reads the metrics and nothing else; API keys still read them', async () => {
    const atlas = await startAtlas({ nats, env: { ATLAS_METRICS_TOKEN: METRICS_TOKEN } });
    try {
      expect((await getMetrics(atlas, METRICS_TOKEN)).status).toBe(200);
      expect((await getMetrics(atlas, TEST_API_KEY)).status).toBe(200);
      expect((await getMetrics(atlas, null)).status).toBe(401);
      expect((await getMetrics(atlas, 'metrics-token-0123456780')).status).toBe(401);
      expect((await atlas.api.withKey(METRICS_TOKEN).get('/api/channels')).status).toBe(401);
    } finally {
      await atlas.close();
    }
  });

  it('ATLAS_METRICS_PUBLIC=true answers without a key; the API still wants one', async () => {
    const atlas = await startAtlas({ nats, env: { ATLAS_METRICS_PUBLIC: 'true' } });
    try {
      const answer = await getMetrics(atlas, null);
      expect(answer.status).toBe(200);
      expect(new Scrape(answer.text).value('atlas_jobs', { status: 'completed' })).toBe(0);
      expect((await atlas.api.withKey(null).get('/api/channels')).status).toBe(401);
    } finally {
      await atlas.close();
    }
  });
});

describe('GET /metrics while NATS is down', () => {
  it('answers in time with what the read models hold, and says which sources did not answer', async () => {
    const nats = await NatsServerFixture.start();
    const atlas = await startAtlas({ nats });
    try {
      const back = nats.restart(8_000);
      await eventually(async () => ((await accepts(nats.url)) ? undefined : true), 5_000, 'NATS to stop');
      const started = Date.now();
      const answer = await getMetrics(atlas);
      const tookMs = Date.now() - started;
      await back;

      expect(answer.status).toBe(200);
      // Each source has 2 s: a scrape never waits on NATS for longer.
      expect(tookMs).toBeLessThan(4_000);
      const metrics = new Scrape(answer.text);
      expect(metrics.value('atlas_metrics_source_up', { source: 'event_log' })).toBe(0);
      expect(metrics.value('atlas_metrics_source_up', { source: 'jetstream_consumers' })).toBe(0);
      expect(metrics.value('atlas_metrics_source_up', { source: 'read_models' })).toBe(1);
      expect(metrics.all('atlas_event_log_last_sequence')).toEqual([]);
      expect(metrics.all('atlas_jetstream_consumer_pending_messages')).toEqual([]);
      expect(metrics.value('atlas_jobs', { status: 'queued' })).toBe(0);
    } finally {
      await atlas.close();
      await nats.stop();
    }
  });
});

describe('GET /metrics counts platform requests and 429s', () => {
  it('counts every request the Slack emulator answered, by status, and the 429 it sent', async () => {
    const emulator = await startSlackWorkspace();
    const atlas = await startAtlas({ env: { ATLAS_MAX_RETRY_AFTER_SECONDS: '5' } });
    try {
      seedChannel(emulator.workspace, 'C0LIMITED', { topLevel: 20 });
      await connectSlack(atlas.api, emulator);
      emulator.injectFault('conversations.history', { times: 1, retryAfterSeconds: 1 });
      const started = await atlas.api.post('/api/sync', { channel_id: 'C0LIMITED' });
      await waitForJob(atlas.api, 'C0LIMITED', started.body.job_id, ['completed']);

      const metrics = await scrape(atlas);
      const slack = { platform: 'slack' };
      const limited = emulator.calls.filter((call) => call.status === 429).length;
      expect(limited).toBe(1);
      expect(metrics.value('atlas_platform_rate_limited_total', slack)).toBe(limited);
      expect(metrics.value('atlas_platform_requests_total', { ...slack, status: '429' })).toBe(limited);
      // The probe when connecting and the fetch both ran in this process: every call the emulator saw is counted.
      expect(metrics.sum('atlas_platform_requests_total', slack)).toBe(emulator.calls.length);
      expect(metrics.value('atlas_platform_requests_total', { ...slack, status: '200' })).toBe(
        emulator.calls.filter((call) => call.status === 200).length,
      );
      expect(metrics.value('atlas_platform_throttle_wait_seconds_total', slack)).toBeGreaterThanOrEqual(1);
    } finally {
      await atlas.close();
      await emulator.stop();
    }
  });
});
