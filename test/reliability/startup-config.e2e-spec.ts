import { AppProcess } from '../support/app-process';
import { tempDir } from '../support/temp-dir';

jest.setTimeout(30_000);

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
});
