import { existsSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { ApiClient } from '../support/api-client';
import { AppProcess } from '../support/app-process';
import { eventually } from '../support/atlas-harness';
import { freePort } from '../support/free-port';
import { tempDir } from '../support/temp-dir';

const listening = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });

// The all-in-one loads its modules twice (its API's thread and its pipeline thread): on two loaded cores that
// took over 30 s.
jest.setTimeout(90_000);

describe('configuration is validated at start', () => {
  const data = tempDir('startup');
  afterAll(() => data.remove());

  it('stops the start with a message naming each bad variable', async () => {
    const app = AppProcess.start('atlas', {
      ATLAS_DATA_DIR: data.path,
      PORT: 'http',
      ATLAS_SECRET_KEY: '1234',
      ATLAS_MAX_CONCURRENT_SYNCS: '-1',
    });
    expect(await app.exited()).toBe(1);
    expect(app.log).toContain('Invalid configuration');
    for (const name of ['PORT', 'ATLAS_SECRET_KEY', 'ATLAS_MAX_CONCURRENT_SYNCS']) expect(app.log).toContain(name);
  });

  it('refuses to run the gateway alone without API keys', async () => {
    const app = AppProcess.start('gateway', {
      ATLAS_DATA_DIR: data.path,
      ATLAS_API_KEYS: '',
      ATLAS_SECRET_KEY: 'ab'.repeat(32),
    });
    expect(await app.exited()).toBe(1);
    expect(app.log).toContain('ATLAS_API_KEYS is not set');
  });

  it('starts a nats-server of its own in the data dir when nothing listens at NATS_URL, and stops it on exit', async () => {
    const [natsPort, httpPort] = [await freePort(), await freePort()];
    const dataDir = join(data.path, 'autostart');
    const app = AppProcess.start('atlas', {
      ATLAS_DATA_DIR: dataDir,
      NATS_URL: `nats://127.0.0.1:${natsPort}`,
      PORT: String(httpPort),
    });
    try {
      await eventually(
        async () => (app.log.includes('is listening on') ? true : undefined),
        75_000,
        'the all-in-one to start',
      );
      const apiKey = /API key: (atl_\S+)/.exec(app.log)?.[1] ?? null;
      expect(apiKey).not.toBeNull();
      // The health check shows what it checked (NATS among them) to a key holder only.
      const health = await new ApiClient(`http://127.0.0.1:${httpPort}`, apiKey).get('/health');
      expect(health.body.nats).toBe('connected');
      expect(await listening(natsPort)).toBe(true);
      expect(existsSync(join(dataDir, 'nats', 'jetstream'))).toBe(true);
      expect(app.log).toContain('registered the demo export');
    } finally {
      await app.kill('SIGTERM');
    }
    await eventually(async () => ((await listening(natsPort)) ? undefined : true), 10_000, 'nats-server to stop');
  });
});
