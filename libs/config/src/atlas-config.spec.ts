import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from './atlas-config';
import { API_KEY_FILE, resolveSecrets } from './data-dir-secrets';

describe('loadConfig', () => {
  it('has working defaults', () => {
    const config = loadConfig({}, '/srv/atlas');
    expect(config).toMatchObject({
      port: 3000,
      natsUrl: 'nats://127.0.0.1:4222',
      mongodbUri: null,
      dataDir: '/srv/atlas/data',
      importDir: '/srv/atlas/data/imports',
      apiKeys: [],
      secretKey: null,
      maxConcurrentSyncs: 4,
      maxUploadBytes: 512 * 1024 * 1024,
      maxImportUncompressedBytes: 4 * 1024 * 1024 * 1024,
      demo: true,
    });
  });

  it('reads every variable', () => {
    const config = loadConfig(
      {
        PORT: '8080',
        NATS_URL: 'nats://nats:4222,nats://nats-2:4222',
        MONGODB_URI: 'mongodb://mongo:27017/atlas',
        ATLAS_DATA_DIR: '/var/lib/atlas',
        ATLAS_IMPORT_DIR: 'imports',
        ATLAS_API_KEYS: 'first-key-0123456789, second-key-0123456789',
        ATLAS_SECRET_KEY: 'ab'.repeat(32),
        ATLAS_MAX_CONCURRENT_SYNCS: '2',
        ATLAS_MAX_UPLOAD_BYTES: '1048576',
        ATLAS_MAX_IMPORT_UNCOMPRESSED_BYTES: '8589934592',
        ATLAS_DEMO: 'false',
      },
      '/srv',
    );
    expect(config).toMatchObject({
      port: 8080,
      mongodbUri: 'mongodb://mongo:27017/atlas',
      dataDir: '/var/lib/atlas',
      importDir: '/srv/imports',
      apiKeys: ['first-key-0123456789', 'second-key-0123456789'],
      maxConcurrentSyncs: 2,
      maxUploadBytes: 1048576,
      maxImportUncompressedBytes: 8589934592,
      demo: false,
    });
    expect(config.secretKey?.toString('hex')).toBe('ab'.repeat(32));
  });

  it('names every bad variable in one error', () => {
    const attempt = () =>
      loadConfig({
        PORT: 'eighty',
        NATS_URL: 'http://nats',
        MONGODB_URI: 'postgres://x',
        ATLAS_API_KEYS: 'short',
        ATLAS_SECRET_KEY: 'not-hex',
        ATLAS_MAX_CONCURRENT_SYNCS: '0',
        ATLAS_MAX_UPLOAD_BYTES: '512MB',
        ATLAS_MAX_IMPORT_UNCOMPRESSED_BYTES: '10',
      });
    expect(attempt).toThrow(ConfigError);
    try {
      attempt();
    } catch (error) {
      const problems = (error as ConfigError).problems.join('\n');
      for (const name of [
        'PORT',
        'NATS_URL',
        'MONGODB_URI',
        'ATLAS_API_KEYS',
        'ATLAS_SECRET_KEY',
        'ATLAS_MAX_CONCURRENT_SYNCS',
        'ATLAS_MAX_UPLOAD_BYTES',
        'ATLAS_MAX_IMPORT_UNCOMPRESSED_BYTES',
      ]) {
        expect(problems).toContain(name);
      }
    }
  });
});

describe('resolveSecrets', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'atlas-secrets-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('generates an API key and a credentials key once, keeps them private, and finds them again', () => {
    const config = loadConfig({ ATLAS_DATA_DIR: dir });
    const first = resolveSecrets(config, { generateMissing: true, needApiKeys: true, needSecretKey: true });
    expect(first.generatedApiKey).toMatch(/^atl_/);
    expect(statSync(join(dir, API_KEY_FILE)).mode & 0o777).toBe(0o600);
    expect(readFileSync(join(dir, API_KEY_FILE), 'utf8').trim()).toBe(first.generatedApiKey);
    const again = resolveSecrets(config, { generateMissing: true, needApiKeys: true, needSecretKey: true });
    expect(again.generatedApiKey).toBeNull();
    expect(again.apiKeys).toEqual([first.generatedApiKey]);
    expect(again.secretKey?.equals(first.secretKey!)).toBe(true);
  });

  it('refuses to start a service alone without the keys it needs', () => {
    const config = loadConfig({ ATLAS_DATA_DIR: dir });
    expect(() => resolveSecrets(config, { generateMissing: false, needApiKeys: true, needSecretKey: true })).toThrow(
      /ATLAS_API_KEYS[\s\S]*ATLAS_SECRET_KEY/,
    );
  });
});
