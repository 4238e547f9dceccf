import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ApiClient } from '../test/support/api-client';
import { freePort } from '../test/support/free-port';
import { NatsServerFixture } from '../test/support/nats-server';
import { tempDir } from '../test/support/temp-dir';
import { AtlasProcess } from './atlas-process';
import { jetstreamPublishRate } from './jetstream-publish';
import { jobTimeline } from './job-timeline';
import { LatencyFigures, LatencyProbe } from './latency-probe';
import { appendMessage, writeScaledIrcExport } from './real-chat-export';
import { printSlackPacing, runSlackPacingBench } from './slack-pacing';

/** Requests per second to GET /api/sync/status during the sync, and to /health. */
const STATUS_RATE = 200;
const HEALTH_RATE = 10;
const KEY = 'bench-key-0123456789abcdef';

/**
 * `npm run bench -- 25000 200000`: syncs real chat (the Ubuntu IRC export of shared/datasets, repeated to
 * the size asked) through the all-in-one run as its own process, SQLite, local extractor, and prints per
 * size: throughput per stage and end to end, the raw JetStream publish rate of the same messages on the
 * same server and the ratio, peak memory, status and health latency under a fixed request rate during the
 * sync, and incremental re-sync time with nothing new and with one new message; then the Slack emulator's
 * 20,000-message channel fetched under Slack's rate limits (`bench/slack-pacing.ts`; BENCH_SKIP_SLACK=true skips it).
 */
async function main(): Promise<void> {
  const sizes = process.argv
    .slice(2)
    .map(Number)
    .filter((n) => n > 0);
  const rows = [];
  for (const size of sizes.length ? sizes : [25_000, 200_000]) {
    const row = await runOnce(size);
    rows.push(row);
    console.log(JSON.stringify(row));
  }
  console.table(rows);
  if (rows.length >= 2) {
    const [small, large] = [rows[0], rows.at(-1)!];
    console.log(
      `peak RSS ${large.messages} / ${small.messages}: ${(large['peak RSS MiB'] / small['peak RSS MiB']).toFixed(2)}×`,
    );
  }
  // The platform side: the Slack emulator's channel of the scale issue, its calls a minute against the allowed rate.
  if (process.env.BENCH_SKIP_SLACK !== 'true') printSlackPacing(await runSlackPacingBench());
}

async function runOnce(size: number) {
  const nats = await NatsServerFixture.start();
  const data = tempDir('bench');
  const port = await freePort();
  const exportDir = join(data.path, 'imports', 'bench');
  const { channelId, messages, lastTs } = writeScaledIrcExport(exportDir, size);
  const rawRate = await jetstreamPublishRate(nats.url, exportPayloads(exportDir));
  const atlas = await AtlasProcess.start(
    {
      PORT: String(port),
      NATS_URL: nats.url,
      ATLAS_DATA_DIR: data.path,
      ATLAS_API_KEYS: KEY,
      ATLAS_SECRET_KEY: randomBytes(32).toString('hex'),
      ATLAS_DEMO: 'false',
      ATLAS_RATE_LIMIT_PER_MINUTE: '0',
      ATLAS_LOG_LEVEL: 'warn',
      ATLAS_LOG_FORMAT: 'text',
    },
    port,
  );
  try {
    const base = `http://127.0.0.1:${port}`;
    const api = new ApiClient(base, KEY);
    await api.post('/api/connections', { name: 'bench', platform: 'slack_export', config: { path: 'bench' } });
    const idle = atlas.memory();

    const status = new LatencyProbe(`${base}/api/sync/status?channel_id=${channelId}`, STATUS_RATE, {
      authorization: `Bearer ${KEY}`,
    });
    const health = new LatencyProbe(`${base}/health`, HEALTH_RATE);
    const started = Date.now();
    // The probes start once the job exists: a status asked before it is a 404, not a figure of the sync.
    const jobId = await syncToEnd(api, channelId, () => {
      status.start();
      health.start();
    });
    const seconds = (Date.now() - started) / 1000;
    const [statusLatency, healthLatency] = await Promise.all([status.stop(), health.stop()]);
    const peak = atlas.memory().peakMiB;
    const stages = await jobTimeline(nats.url, channelId, jobId);
    if (process.env.BENCH_DEBUG) {
      const worst = [...status.timeline].sort((a, b) => b[1] - a[1]).slice(0, 8);
      console.log(
        'slowest status requests [sent at ms, latency ms]:',
        JSON.stringify(worst.map(([t, l]) => [Math.round(t), Math.round(l)])),
      );
    }

    const noChange = await timed(() => syncToEnd(api, channelId));
    appendMessage(exportDir, lastTs, 'is there a way to list the packages installed from universe?');
    const oneNew = await timed(() => syncToEnd(api, channelId));
    const history = await api.get(`/api/sync/history?channel_id=${channelId}&limit=3`);

    return {
      messages,
      'messages/s': Math.round(messages / seconds),
      'raw publish/s': Math.round(rawRate),
      'share of raw': Number((messages / seconds / rawRate).toFixed(3)),
      'fetch s': round(stages.FetchCompleted),
      'extract s': round(stages.ExtractionCompleted),
      'graph s': round(stages.GraphCompleted),
      'wiki s': round(stages.SyncCompleted),
      facts: history.body.history[2]?.facts_extracted ?? null,
      'idle RSS MiB': idle.rssMiB,
      'peak RSS MiB': peak,
      'status p50 ms': round(statusLatency.p50),
      'status p99 ms': round(statusLatency.p99),
      'status max ms': round(statusLatency.max),
      'status failed': statusLatency.failed,
      'status failures': statusLatency.failures,
      'health max ms': round(healthLatency.max),
      'resync 0 new s': round(noChange),
      'resync 1 new s': round(oneNew),
    };
  } finally {
    await atlas.stop();
    await nats.stop();
    data.remove();
  }
}

/** Starts an (incremental) sync of the channel and waits for it to end; fails the run if it did not complete. */
async function syncToEnd(api: ApiClient, channelId: string, onAccepted?: () => void): Promise<string> {
  const { status, body } = await api.post('/api/sync', { channel_id: channelId });
  if (status >= 300) throw new Error(`POST /api/sync answered ${status}: ${JSON.stringify(body)}`);
  onAccepted?.();
  for (;;) {
    // A connection the server dropped while its loop was blocked is a figure of the probes, not the end of the run.
    const answer = await api
      .get(`/api/sync/status?channel_id=${channelId}&job_id=${body.job_id}`)
      .catch(() => ({ status: 0, body: { status: 'running' } }));
    if (answer.body.status === 'completed') return body.job_id as string;
    if (answer.body.status !== 'running' && answer.body.status !== 'queued')
      throw new Error(`sync ended ${answer.body.status}: ${JSON.stringify(answer.body)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function timed(run: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await run();
  return (performance.now() - started) / 1000;
}

/** The export's messages as JSON, one payload each, as the raw publish rate publishes them. */
function exportPayloads(exportDir: string): string[] {
  const folder = join(exportDir, 'ubuntu-0');
  return readdirSync(folder).flatMap((day) =>
    (JSON.parse(readFileSync(join(folder, day), 'utf8')) as unknown[]).map((message) => JSON.stringify(message)),
  );
}

function round(value: number): number {
  return Number.isFinite(value) ? Number(value.toFixed(value < 10 ? 2 : 1)) : NaN;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
