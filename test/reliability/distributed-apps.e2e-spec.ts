import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { ApiClient } from '../support/api-client';
import { AppProcess } from '../support/app-process';
import { connectExport, eventually, TEST_API_KEY, waitForJob } from '../support/atlas-harness';
import { freePort } from '../support/free-port';
import { NatsServerFixture } from '../support/nats-server';
import { generatedChannel, writeSlackExport } from '../support/slack-export-fixture';
import { tempDir } from '../support/temp-dir';
import { WebhookReceiver } from '../support/webhook-receiver';

jest.setTimeout(180_000);

const APPS = [
  'gateway',
  'scheduler',
  'fetcher',
  'extractor',
  'graph-builder',
  'wiki-generator',
  'projector',
  'webhooks',
];
const WEBHOOK_SECRET = 'whsec-distributed-0123456789';

describe('each app running alone, as its own process', () => {
  let nats: NatsServerFixture;
  const data = tempDir('distributed');
  const processes: AppProcess[] = [];
  let api: ApiClient;
  const receiver = new WebhookReceiver(WEBHOOK_SECRET);

  beforeAll(async () => {
    await receiver.start();
    nats = await NatsServerFixture.start();
    const port = await freePort();
    const env = {
      PORT: String(port),
      NATS_URL: nats.url,
      ATLAS_DATA_DIR: data.path,
      ATLAS_API_KEYS: TEST_API_KEY,
      ATLAS_SECRET_KEY: randomBytes(32).toString('hex'),
      ATLAS_LOG_LEVEL: 'warn',
      ATLAS_WEBHOOK_RETRY_BASE_MS: '200',
    };
    for (const app of APPS) processes.push(AppProcess.start(app, env));
    api = new ApiClient(`http://127.0.0.1:${port}`, TEST_API_KEY);
    await eventually(
      () =>
        api
          .get('/health')
          .then((r) => (r.status === 200 ? true : undefined))
          .catch(() => undefined),
      // Eight Node processes load their modules at once: on two busy cores that alone took over 30 s.
      90_000,
      'the gateway',
    );
  });

  afterAll(async () => {
    await Promise.all(processes.map((p) => p.kill('SIGTERM')));
    await nats.stop();
    await receiver.stop();
    data.remove();
  });

  it('syncs a channel through eight separate processes that share nothing but NATS and the store', async () => {
    writeSlackExport(join(data.path, 'imports', 'acme'), [generatedChannel('C0APART', 'apart', 500)]);
    await connectExport(api, 'acme');
    const hook = await api.post('/api/webhooks', {
      url: `${receiver.url}/done`,
      events: ['SyncCompleted'],
      secret: WEBHOOK_SECRET,
    });
    expect(hook.status).toBe(201);
    const { status, body } = await api.post('/api/sync', { channel_id: 'C0APART' });
    expect(status).toBe(202);
    const done = await waitForJob(api, 'C0APART', body.job_id, ['completed', 'failed'], 90_000);
    expect(done.status).toBe('completed');
    expect(done.progress).toMatchObject({ total_messages: 500, processed_messages: 500, percentage: 100 });
    const history = await api.get('/api/sync/history?channel_id=C0APART');
    expect(history.body.history[0].facts_extracted).toBeGreaterThan(400);
    // The webhooks app delivered the completion, signed, after the receiver's one 500.
    const delivered = await eventually(
      async () => receiver.received.find((r) => r.eventType === 'SyncCompleted' && r.answered === 200),
      30_000,
      'the SyncCompleted delivery',
    );
    expect(delivered).toMatchObject({ path: '/done', signed: true });
    expect(delivered.attempt).toBeGreaterThan(1);
    expect(delivered.body.event.data.job_id).toBe(body.job_id);
  });

  it('stops every app cleanly on SIGTERM', async () => {
    const codes = await Promise.all(
      processes.map(async (p) => {
        const ended = p.exited();
        await p.kill('SIGTERM');
        return ended;
      }),
    );
    expect(codes).toEqual(APPS.map(() => 0));
  });
});
