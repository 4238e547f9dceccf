import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { KnowledgeReadQueries } from '@atlas/read-models';
import { SqliteStore } from '@atlas/store';
import { ApiClient } from '../test/support/api-client';
import { FACT_SENTENCES } from '../test/support/chat-sentences';
import { freePort } from '../test/support/free-port';
import { NatsServerFixture } from '../test/support/nats-server';
import { tempDir } from '../test/support/temp-dir';

/**
 * `npm run bench:search -- 21000`: the gateway (its own process, as deployed) over a SQLite file seeded with that
 * many facts in one channel; rounds of 20 concurrent `GET /api/channels/{id}/facts?q=` while one client polls
 * `/health` back to back. Prints each search's latency and p50/p99/max of searches and of /health during them:
 * a search that holds the gateway's thread shows up as /health latency.
 */
const CHANNEL = 'C0SEARCH';
const CONCURRENT = 20;
const ROUNDS = 5;
const KEY = 'bench-key-0123456789abcdef';
const HEALTH_EVERY_MS = 10;
/** Common, rare, absent, prefix, two-word and accented queries: the old substring filter scanned the channel for the rare ones. */
const QUERIES = [
  'the',
  'postgres',
  'friday release',
  'deplo',
  'nosuchwordanywhere',
  'kafka consumers',
  'zorvel',
  'café',
  'grafana dashboards',
  'vault tokens',
];

async function main(): Promise<void> {
  const facts = Number(process.argv[2] ?? 21_000);
  const nats = await NatsServerFixture.start();
  const data = tempDir('bench-search');
  let gateway: ChildProcess | undefined;
  try {
    let started = Date.now();
    const file = join(data.path, 'atlas.sqlite');
    await seed(file, facts);
    console.log(`seeded ${facts} facts in ${Date.now() - started} ms`);
    console.log('thread time of one search (CPU ms of the query behind the endpoint, 10 runs each):');
    console.table(await threadTime(file));
    const port = await freePort();
    // dist/bench-build/bench → dist/apps: the gateway `nest build atlas` built.
    const main = join(__dirname, '..', '..', 'apps', 'gateway', 'src', 'main.js');
    const env = {
      ...process.env,
      PORT: String(port),
      NATS_URL: nats.url,
      ATLAS_DATA_DIR: data.path,
      ATLAS_API_KEYS: KEY,
      ATLAS_SECRET_KEY: randomBytes(32).toString('hex'),
      ATLAS_LOG_LEVEL: 'warn',
      ATLAS_LOG_FORMAT: 'text',
    };
    gateway = spawn(process.execPath, [main], { env, stdio: ['ignore', 'inherit', 'inherit'] });
    const api = new ApiClient(`http://127.0.0.1:${port}`, KEY);
    await untilServing(api);

    const single = [];
    for (const q of QUERIES) {
      started = performance.now();
      const { status, body } = await api.get(`/api/channels/${CHANNEL}/facts?q=${encodeURIComponent(q)}`);
      if (status !== 200) throw new Error(`q=${q} answered ${status}: ${JSON.stringify(body)}`);
      single.push({ q, ms: round(performance.now() - started), facts_on_first_page: body.facts.length });
    }
    console.log('one search at a time:');
    console.table(single);

    const idleHealth = await pollHealth(api, () => new Promise((r) => setTimeout(r, 1_000)));
    const listings = await rounds(api, () => `/api/channels/${CHANNEL}/facts`);
    const searches = await rounds(
      api,
      (i) => `/api/channels/${CHANNEL}/facts?q=${encodeURIComponent(QUERIES[i % QUERIES.length])}`,
    );
    console.log(`round 1, each search (ms): ${searches.first.map(round).join(' ')}`);
    console.log(`${ROUNDS} rounds of ${CONCURRENT} concurrent requests over ${facts} facts (ms):`);
    console.table({
      'search latency': summary(searches.requestMs),
      '/health during searches': summary(searches.healthMs),
      'listing (no q) latency, for comparison': summary(listings.requestMs),
      '/health during listings': summary(listings.healthMs),
      '/health idle': summary(idleHealth),
    });
  } finally {
    if (gateway && gateway.exitCode === null) {
      const exited = new Promise((resolve) => gateway!.once('exit', resolve));
      gateway.kill('SIGTERM');
      await exited;
    }
    await nats.stop();
    data.remove();
  }
}

/** ROUNDS rounds of CONCURRENT requests at once (the i-th to `path(i)`), with /health polled meanwhile. */
async function rounds(api: ApiClient, path: (i: number) => string) {
  const requestMs: number[] = [];
  const healthMs: number[] = [];
  let first: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const requests = Array.from({ length: CONCURRENT }, async (_, i) => {
      const at = performance.now();
      const { status } = await api.get(path(i));
      if (status !== 200) throw new Error(`${path(i)} answered ${status}`);
      return performance.now() - at;
    });
    healthMs.push(...(await pollHealth(api, () => Promise.all(requests))));
    const latencies = await Promise.all(requests);
    if (r === 0) first = latencies;
    requestMs.push(...latencies);
  }
  return { requestMs, healthMs, first };
}

/** Sends a /health every HEALTH_EVERY_MS until `work` settles, without waiting for the answers; their latencies. */
async function pollHealth(api: ApiClient, work: () => Promise<unknown>): Promise<number[]> {
  const probes: Array<Promise<number>> = [];
  let done = false;
  const finished = work().finally(() => (done = true));
  while (!done) {
    const at = performance.now();
    probes.push(
      api
        .withKey(null)
        .get('/health')
        .then(() => performance.now() - at),
    );
    await new Promise((r) => setTimeout(r, HEALTH_EVERY_MS));
  }
  await finished;
  return Promise.all(probes);
}

/**
 * The time one search holds a thread: the query behind the endpoint (KnowledgeReadQueries.facts) in this process on
 * the same file, as CPU time, which the other processes on a loaded machine do not inflate the way they do wall time.
 */
async function threadTime(path: string) {
  const store = SqliteStore.open(path);
  const knowledge = new KnowledgeReadQueries(store);
  const rows = [];
  for (const q of [undefined, ...QUERIES]) {
    const cpu: number[] = [];
    for (let i = 0; i < 12; i++) {
      const before = process.cpuUsage();
      await knowledge.facts({ channel_id: CHANNEL, text: q }, { after: null, limit: 51 });
      const used = process.cpuUsage(before);
      if (i >= 2) cpu.push((used.user + used.system) / 1000);
    }
    rows.push({ q: q ?? '(no q: the plain listing)', ...summary(cpu) });
  }
  await store.close();
  return rows;
}

async function untilServing(api: ApiClient): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      if ((await api.get(`/api/channels/${CHANNEL}/facts?limit=1`)).status === 200) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error('the gateway did not start serving within 30 s');
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Facts as the projector writes them: sentences of chat, names, made-up product words for a real-sized vocabulary. */
async function seed(path: string, count: number): Promise<void> {
  const store = SqliteStore.open(path);
  await store.put('channels', { id: CHANNEL, channel_id: CHANNEL, name: 'search', last_seq: 1 });
  const syllables = ['ka', 'zor', 'vel', 'mi', 'tra', 'lon', 'pe', 'du', 'ris', 'qua', 'nex', 'bo', 'sil', 'fa'];
  const word = (n: number) =>
    syllables[n % 14] + syllables[Math.floor(n / 14) % 14] + syllables[Math.floor(n / 196) % 14];
  const t0 = Date.parse('2026-01-05T09:00:00.000Z');
  for (let start = 0; start < count; start += 1_000) {
    const batch = [];
    for (let i = start; i < Math.min(count, start + 1_000); i++) {
      const id = `fact_${String(i).padStart(7, '0')}`;
      const valid_at = new Date(t0 + i * 37_000).toISOString();
      const text = `${FACT_SENTENCES[i % FACT_SENTENCES.length].replace('.', '')} for ${word(i)} and ${word(i * 7 + 3)}${i % 50 === 0 ? ' at the Café Noël' : ''} (OPS-${i}).`;
      batch.push({
        id,
        channel_id: CHANNEL,
        message_id: `m${i}`,
        extractor_version: 'rules-bench',
        index: 0,
        text,
        type: 'decision',
        confidence: 0.8,
        entities: [{ key: 'person:u1', name: 'Ana Lima', type: 'person', kind: null }],
        relations: [],
        topics: ['search'],
        subject: null,
        valid_at,
        due_at: null,
        language: 'en',
        source: {
          message_id: `m${i}`,
          author_id: 'u1',
          author_name: 'Ana Lima',
          timestamp: valid_at,
          thread_id: null,
          permalink: null,
        },
        job_id: 'sync_bench',
        entity_ids: ['ent_ana'],
        supersedes: null,
        superseded_by: null,
        sort_key: `${valid_at}|${id}`,
        last_seq: 1,
      });
    }
    await store.putMany('facts', batch);
  }
  await store.close();
}

function summary(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number) => round(sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]);
  return { n: sorted.length, p50_ms: at(0.5), p99_ms: at(0.99), max_ms: round(sorted[sorted.length - 1]) };
}

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
