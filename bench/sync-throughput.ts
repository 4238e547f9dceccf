import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { startService } from '@atlas/bootstrap';
import { readLog } from '../test/support/atlas-harness';
import { ApiClient } from '../test/support/api-client';
import { freePort } from '../test/support/free-port';
import { NatsServerFixture } from '../test/support/nats-server';
import { generatedChannel, writeSlackExport } from '../test/support/slack-export-fixture';
import { tempDir } from '../test/support/temp-dir';

/**
 * `npm run bench`: syncs generated channels of growing size through the whole product (all-in-one, its
 * own nats-server, SQLite) and prints throughput per stage and the process's memory. Sizes come from
 * the command line: `npm run bench -- 5000 20000 50000`.
 */
async function main(): Promise<void> {
  const sizes = process.argv
    .slice(2)
    .map(Number)
    .filter((n) => n > 0);
  const rows = [];
  for (const size of sizes.length ? sizes : [5_000, 20_000, 50_000]) rows.push(await runOnce(size));
  console.table(rows);
}

async function runOnce(messages: number) {
  const nats = await NatsServerFixture.start();
  const data = tempDir('bench');
  const port = await freePort();
  const key = 'bench-key-0123456789abcdef';
  const service = await startService('atlas', {
    env: {
      PORT: String(port),
      NATS_URL: nats.url,
      ATLAS_DATA_DIR: data.path,
      ATLAS_API_KEYS: key,
      ATLAS_SECRET_KEY: randomBytes(32).toString('hex'),
      ATLAS_DEMO: 'false',
      ATLAS_LOG_LEVEL: 'warn',
      ATLAS_LOG_FORMAT: 'text',
    },
  });
  try {
    const api = new ApiClient(`http://127.0.0.1:${port}`, key);
    writeSlackExport(join(data.path, 'imports', 'bench'), [generatedChannel('C0BENCH', 'bench', messages)]);
    await api.post('/api/connections', { name: 'bench', platform: 'slack_export', config: { path: 'bench' } });

    global.gc?.();
    const baseline = process.memoryUsage().rss;
    const samples: Array<[at: number, rss: number]> = [];
    const sampler = setInterval(() => samples.push([Date.now(), process.memoryUsage().rss]), 50);
    const started = Date.now();
    const { body } = await api.post('/api/sync', { channel_id: 'C0BENCH' });
    for (;;) {
      const status = await api.get(`/api/sync/status?channel_id=C0BENCH&job_id=${body.job_id}`);
      if (status.body.status !== 'running' && status.body.status !== 'queued') break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const seconds = (Date.now() - started) / 1000;
    clearInterval(sampler);

    const log = (await readLog(service.runtime.events)).filter(
      (e) => (e.event.data as { job_id?: string }).job_id === body.job_id,
    );
    const at = (type: string) => Date.parse(log.find((e) => e.event.type === type)!.event.metadata.occurred_at);
    const history = await api.get('/api/sync/history?channel_id=C0BENCH&limit=1');
    const peakUntil = (until: number) =>
      Math.max(baseline, ...samples.filter(([t]) => t <= until).map(([, rss]) => rss));
    return {
      messages,
      'total s': seconds.toFixed(1),
      'messages/s': Math.round(messages / seconds),
      'fetched at s': ((at('FetchCompleted') - at('SyncStarted')) / 1000).toFixed(1),
      'extracted at s': ((at('ExtractionCompleted') - at('SyncStarted')) / 1000).toFixed(1),
      'graph at s': ((at('GraphCompleted') - at('SyncStarted')) / 1000).toFixed(1),
      'wiki at s': ((at('SyncCompleted') - at('SyncStarted')) / 1000).toFixed(1),
      facts: history.body.history[0].facts_extracted,
      events: log.length,
      'baseline RSS MiB': Math.round(baseline / 2 ** 20),
      // Fetching, extraction and graph building stream batches; the wiki reads the channel's knowledge.
      'peak RSS before wiki MiB': Math.round(peakUntil(at('GraphCompleted')) / 2 ** 20),
      'peak RSS MiB': Math.round(peakUntil(Infinity) / 2 ** 20),
    };
  } finally {
    await service.close();
    await nats.stop();
    data.remove();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
