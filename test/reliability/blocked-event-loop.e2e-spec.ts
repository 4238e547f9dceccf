import { join } from 'node:path';
import { ApiClient } from '../support/api-client';
import { AppProcess } from '../support/app-process';
import { connectExport, eventually, TEST_API_KEY } from '../support/atlas-harness';
import { freePort } from '../support/free-port';
import { NatsServerFixture } from '../support/nats-server';
import { generatedChannel, writeSlackExport } from '../support/slack-export-fixture';
import { tempDir } from '../support/temp-dir';

jest.setTimeout(60_000);

/** A test-only preload that blocks the event loop once the wiki stage starts (see the file). */
const BLOCKER = join(__dirname, '..', 'support', 'crash-triggers', 'block-when-stage-runs.js');

describe('an event loop blocked longer than the ack wait', () => {
  const data = tempDir('blocked');
  let nats: NatsServerFixture;
  let app: AppProcess;

  afterAll(async () => {
    await app?.kill('SIGKILL');
    await nats?.stop();
    data.remove();
  });

  it('does not make the process run a stage of a job a second time beside the first', async () => {
    nats = await NatsServerFixture.start();
    writeSlackExport(join(data.path, 'imports', 'acme'), [generatedChannel('C0BLOCK', 'blocked', 600)]);
    const port = await freePort();
    app = AppProcess.start('atlas', {
      PORT: String(port),
      NATS_URL: nats.url,
      ATLAS_DATA_DIR: data.path,
      ATLAS_API_KEYS: TEST_API_KEY,
      ATLAS_DEMO: 'false',
      // Every trigger in flight outlives its ack wait while the loop is blocked for 3 s: JetStream
      // redelivers them all to this process, the only one there is.
      ATLAS_ACK_WAIT_SECONDS: '1',
      NODE_OPTIONS: `--require ${BLOCKER}`,
      ATLAS_TEST_BLOCK_MS: '3000',
    });
    const api = new ApiClient(`http://127.0.0.1:${port}`, TEST_API_KEY);
    await eventually(() =>
      api
        .get('/health')
        .then((r) => (r.status === 200 ? true : undefined))
        .catch(() => undefined),
    );
    await connectExport(api, 'acme');
    const { body } = await api.post('/api/sync', { channel_id: 'C0BLOCK' });

    const done = await eventually(
      () =>
        api
          .get(`/api/sync/status?channel_id=C0BLOCK&job_id=${body.job_id}`)
          .then(({ body: job }) => (['completed', 'failed'].includes(job.status) ? job : undefined))
          .catch(() => undefined),
      40_000,
      'the job to end',
    );
    expect(done.status).toBe('completed');
    const doubleRuns = app.log.split('\n').filter((line) => line.includes('"test_probe":"stage_runs"'));
    expect(doubleRuns).toEqual([]);
  });
});
