import { randomBytes } from 'node:crypto';
import { ApiClient } from '../support/api-client';
import { AppProcess } from '../support/app-process';
import { eventually, TEST_API_KEY, waitForJob } from '../support/atlas-harness';
import { freePort } from '../support/free-port';
import { NatsServerFixture } from '../support/nats-server';
import { Scrape } from '../support/prometheus-text';
import { SlackEmulator } from '../support/slack-emulator';
import { connectSlack, seedChannel, startSlackWorkspace } from '../support/slack-workspace-fixture';
import { tempDir } from '../support/temp-dir';

jest.setTimeout(300_000);

const WORKERS = ['scheduler', 'extractor', 'graph-builder', 'wiki-generator', 'projector'];
const METRICS_TOKEN = 'metrics-token-0123456789';

async function scrape(url: string, bearer: string | null): Promise<{ status: number; text: string }> {
  const response = await fetch(url, { headers: bearer === null ? {} : { authorization: `Bearer ${bearer}` } });
  return { status: response.status, text: await response.text() };
}

describe('metrics with every service in its own process', () => {
  let nats: NatsServerFixture;
  let emulator: SlackEmulator;
  const data = tempDir('split-metrics');
  const processes: AppProcess[] = [];
  let api: ApiClient;
  let gatewayMetrics: string;
  let fetcherMetrics: string;

  beforeAll(async () => {
    nats = await NatsServerFixture.start();
    emulator = await startSlackWorkspace();
    const port = await freePort();
    const fetcherPort = await freePort();
    const env = {
      PORT: String(port),
      NATS_URL: nats.url,
      ATLAS_DATA_DIR: data.path,
      ATLAS_API_KEYS: TEST_API_KEY,
      ATLAS_SECRET_KEY: randomBytes(32).toString('hex'),
      ATLAS_LOG_LEVEL: 'warn',
      ATLAS_METRICS_TOKEN: METRICS_TOKEN,
    };
    processes.push(AppProcess.start('gateway', env));
    processes.push(AppProcess.start('fetcher', { ...env, ATLAS_METRICS_PORT: String(fetcherPort) }));
    for (const app of WORKERS) processes.push(AppProcess.start(app, env));
    api = new ApiClient(`http://127.0.0.1:${port}`, TEST_API_KEY);
    gatewayMetrics = `http://127.0.0.1:${port}/metrics`;
    fetcherMetrics = `http://127.0.0.1:${fetcherPort}/metrics`;
    await eventually(
      () =>
        Promise.all([api.get('/health'), scrape(fetcherMetrics, METRICS_TOKEN)])
          .then(([health, fetcher]) => (health.status === 200 && fetcher.status === 200 ? true : undefined))
          .catch(() => undefined),
      // Seven processes load the whole app at once: on a busy machine that takes a while.
      150_000,
      'the gateway and the fetcher',
    ).catch((error: Error) => {
      throw new Error(`${error.message}\n${processes.map((p) => p.log).join('\n')}`);
    });
  });

  afterAll(async () => {
    await Promise.all(processes.map((p) => p.kill('SIGTERM')));
    await emulator?.stop();
    await nats?.stop();
    data.remove();
  });

  it("shows the deployment's work on the gateway, and each process's platform requests where they were made", async () => {
    seedChannel(emulator.workspace, 'C0SPLIT', { topLevel: 30 });
    await connectSlack(api, emulator);
    const callsWhenConnected = emulator.calls.length;
    expect(callsWhenConnected).toBeGreaterThan(0);
    const started = await api.post('/api/sync', { channel_id: 'C0SPLIT' });
    expect(started.status).toBe(202);
    const done = await waitForJob(api, 'C0SPLIT', started.body.job_id, ['completed', 'failed'], 90_000);
    expect(done.status).toBe('completed');

    // The gateway fetched nothing, yet shows the job and its messages: they come from the read models.
    const gateway = await scrape(gatewayMetrics, METRICS_TOKEN);
    expect(gateway.status).toBe(200);
    const cluster = new Scrape(gateway.text);
    expect(cluster.value('atlas_jobs', { status: 'completed' })).toBe(1);
    expect(cluster.value('atlas_messages_fetched_total')).toBe(30);
    expect(cluster.value('atlas_stage_duration_seconds_count', { stage: 'fetching_messages' })).toBe(1);

    // Platform requests are counted by the process that sent them: the gateway's probe, the fetcher's sync.
    const fetcher = new Scrape((await scrape(fetcherMetrics, METRICS_TOKEN)).text);
    const gatewaySlack = cluster.sum('atlas_platform_requests_total', { platform: 'slack' });
    const fetcherSlack = fetcher.sum('atlas_platform_requests_total', { platform: 'slack' });
    expect(gatewaySlack).toBe(callsWhenConnected);
    expect(fetcherSlack).toBe(emulator.calls.length - callsWhenConnected);
    expect(fetcherSlack).toBeGreaterThan(0);
    // A service's own port serves only what its process counted.
    expect(fetcher.all('atlas_jobs')).toEqual([]);
    expect(fetcher.value('process_cpu_user_seconds_total')).toBeGreaterThan(0);
  });

  it("guards the fetcher's metrics port like the gateway's /metrics", async () => {
    expect((await scrape(fetcherMetrics, null)).status).toBe(401);
    expect((await scrape(fetcherMetrics, 'not-the-token-0123456789')).status).toBe(401);
    expect((await scrape(fetcherMetrics, TEST_API_KEY)).status).toBe(200);
    expect((await scrape(gatewayMetrics, null)).status).toBe(401);
  });
});
