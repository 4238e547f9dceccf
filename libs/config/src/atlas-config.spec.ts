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
      maxImportUncompressedBytes: 2 * 1024 * 1024 * 1024,
      demo: true,
      llm: null,
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

describe('loadConfig: per-key rate limits', () => {
  it('has generous defaults, reads both limits, and takes 0 as off', () => {
    expect(loadConfig({}, '/srv')).toMatchObject({ rateLimitPerMinute: 1200, uploadRateLimitPerMinute: 30 });
    const config = loadConfig({ ATLAS_RATE_LIMIT_PER_MINUTE: '0', ATLAS_UPLOAD_RATE_LIMIT_PER_MINUTE: '5' }, '/srv');
    expect(config).toMatchObject({ rateLimitPerMinute: 0, uploadRateLimitPerMinute: 5 });
  });

  it('refuses a limit that is not a whole number', () => {
    const attempt = () => loadConfig({ ATLAS_RATE_LIMIT_PER_MINUTE: '-1', ATLAS_UPLOAD_RATE_LIMIT_PER_MINUTE: 'lots' });
    expect(attempt).toThrow(/ATLAS_RATE_LIMIT_PER_MINUTE[\s\S]*ATLAS_UPLOAD_RATE_LIMIT_PER_MINUTE/);
  });
});

describe('loadConfig: the LLM extractor', () => {
  const problemsOf = (env: Record<string, string>): string[] => {
    try {
      loadConfig(env);
    } catch (error) {
      if (error instanceof ConfigError) return error.problems;
      throw error;
    }
    return [];
  };

  it('is off unless a base URL is set, whatever else is', () => {
    expect(loadConfig({ ATLAS_LLM_MODEL: 'gpt-4o-mini', ATLAS_LLM_API_KEY: 'sk-test' }).llm).toBeNull();
  });

  it('reads the endpoint with its defaults, dropping the trailing slash of the base URL', () => {
    // A local server over http: the operator allows it by name.
    const local = { ATLAS_ALLOW_HTTP_PLATFORM_URLS: 'true', ATLAS_ALLOWED_PLATFORM_HOSTS: 'localhost' };
    expect(
      loadConfig({ ...local, ATLAS_LLM_BASE_URL: 'http://localhost:11434/v1/', ATLAS_LLM_MODEL: 'llama3.1' }).llm,
    ).toEqual({
      baseUrl: 'http://localhost:11434/v1',
      model: 'llama3.1',
      apiKey: null,
      timeoutMs: 60_000,
      maxMessagesPerRequest: 40,
      jsonMode: 'json_schema',
    });
  });

  it('reads every LLM variable', () => {
    const config = loadConfig({
      ATLAS_LLM_BASE_URL: 'https://api.openai.com/v1',
      ATLAS_LLM_MODEL: 'gpt-4o-mini',
      ATLAS_LLM_API_KEY: 'sk-test-0123',
      ATLAS_LLM_TIMEOUT_MS: '15000',
      ATLAS_LLM_MAX_MESSAGES_PER_REQUEST: '10',
      ATLAS_LLM_JSON_MODE: 'json_object',
    });
    expect(config.llm).toEqual({
      baseUrl: 'https://api.openai.com/v1',
      model: 'gpt-4o-mini',
      apiKey: 'sk-test-0123',
      timeoutMs: 15_000,
      maxMessagesPerRequest: 10,
      jsonMode: 'json_object',
    });
  });

  it('names every bad LLM variable in one error, with the other settings', () => {
    const problems = problemsOf({
      PORT: 'eighty',
      ATLAS_LLM_BASE_URL: 'localhost:11434',
      ATLAS_LLM_TIMEOUT_MS: '1m',
      ATLAS_LLM_MAX_MESSAGES_PER_REQUEST: '0',
      ATLAS_LLM_JSON_MODE: 'xml',
    }).join('\n');
    for (const name of [
      'PORT',
      'ATLAS_LLM_BASE_URL',
      'ATLAS_LLM_MODEL',
      'ATLAS_LLM_TIMEOUT_MS',
      'ATLAS_LLM_MAX_MESSAGES_PER_REQUEST',
      'ATLAS_LLM_JSON_MODE',
    ]) {
      expect(problems).toContain(name);
    }
  });

  it('checks the numbers and the mode even while the LLM is off', () => {
    expect(problemsOf({ ATLAS_LLM_TIMEOUT_MS: 'soon', ATLAS_LLM_JSON_MODE: 'yaml' })).toHaveLength(2);
  });

  it('never repeats a secret in its problems', () => {
    const problems = problemsOf({
      ATLAS_LLM_BASE_URL: 'https://user:hunter2-secret@llm.example.com/v1',
      ATLAS_LLM_MODEL: 'm',
      ATLAS_LLM_API_KEY: 'sk-has a-space-secret',
    });
    expect(problems).toHaveLength(2);
    expect(problems.join('\n')).not.toMatch(/hunter2|space-secret/);
  });
});

describe('loadConfig: outbound URLs', () => {
  const problemsOf = (env: Record<string, string>): string[] => {
    try {
      loadConfig(env);
    } catch (error) {
      if (error instanceof ConfigError) return error.problems;
      throw error;
    }
    return [];
  };

  it('allows only https to public addresses by default', () => {
    expect(loadConfig({}).outboundUrls).toEqual({ allowHttp: false, allowPrivateAddresses: false, allowedHosts: [] });
  });

  it('reads the allowances, with the allowed hosts as URL parsing writes them', () => {
    const config = loadConfig({
      ATLAS_ALLOW_HTTP_PLATFORM_URLS: 'true',
      ATLAS_ALLOW_PRIVATE_PLATFORM_URLS: '1',
      ATLAS_ALLOWED_PLATFORM_HOSTS: 'Chat.Internal, 10.1.2.3,::1,,2130706433',
    });
    expect(config.outboundUrls).toEqual({
      allowHttp: true,
      allowPrivateAddresses: true,
      allowedHosts: ['chat.internal', '10.1.2.3', '::1', '127.0.0.1'],
    });
  });

  it('names bad allowances', () => {
    const problems = problemsOf({
      ATLAS_ALLOW_HTTP_PLATFORM_URLS: 'yes',
      ATLAS_ALLOW_PRIVATE_PLATFORM_URLS: 'maybe',
      ATLAS_ALLOWED_PLATFORM_HOSTS: 'https://chat.internal,chat.internal:8065,*.corp.example',
    });
    expect(problems).toEqual([
      'ATLAS_ALLOW_HTTP_PLATFORM_URLS must be true or false',
      'ATLAS_ALLOW_PRIVATE_PLATFORM_URLS must be true or false',
      expect.stringContaining(
        'ATLAS_ALLOWED_PLATFORM_HOSTS must be a comma-separated list of host names or IP addresses, without scheme, port or path (got "https://chat.internal")',
      ),
      expect.stringContaining('(got "chat.internal:8065")'),
      expect.stringContaining('(got "*.corp.example")'),
    ]);
  });

  it('holds the LLM endpoint to the same rules, at start', () => {
    const llm = (url: string, env: Record<string, string> = {}) =>
      problemsOf({ ...env, ATLAS_LLM_BASE_URL: url, ATLAS_LLM_MODEL: 'm' });
    expect(llm('https://api.openai.com/v1')).toEqual([]);
    expect(llm('http://api.openai.com/v1')).toEqual([
      'ATLAS_LLM_BASE_URL must be an https:// URL (plain http is allowed only with ATLAS_ALLOW_HTTP_PLATFORM_URLS=true)',
    ]);
    expect(llm('https://localhost:11434/v1')[0]).toMatch(
      /^ATLAS_LLM_BASE_URL points at localhost, which is a loopback/,
    );
    expect(llm('https://2130706433/v1')[0]).toMatch(/^ATLAS_LLM_BASE_URL points at 127\.0\.0\.1, which is a loopback/);
    expect(llm('https://[::ffff:10.0.0.8]/v1')[0]).toMatch(/points at ::ffff:a00:8, which is a loopback or private/);
    expect(llm('https://169.254.169.254/v1', { ATLAS_ALLOW_PRIVATE_PLATFORM_URLS: 'true' })[0]).toMatch(
      /points at 169\.254\.169\.254, which is a link-local, metadata/,
    );
    expect(llm('https://10.0.0.8/v1', { ATLAS_ALLOW_PRIVATE_PLATFORM_URLS: 'true' })).toEqual([]);
    expect(llm('https://llm.internal/v1', { ATLAS_ALLOWED_PLATFORM_HOSTS: 'llm.internal' })).toEqual([]);
  });
});

describe('loadConfig: metrics', () => {
  const problemsOf = (env: Record<string, string>): string[] => {
    try {
      loadConfig(env);
    } catch (error) {
      if (error instanceof ConfigError) return error.problems;
      throw error;
    }
    return [];
  };

  it('leaves /metrics to the API keys, with no port of its own, by default', () => {
    expect(loadConfig({}).metrics).toEqual({ public: false, token: null, port: null });
  });

  it('reads the token, the public switch and the port', () => {
    expect(loadConfig({ ATLAS_METRICS_TOKEN: 'metrics-token-0123456789', ATLAS_METRICS_PORT: '9464' }).metrics).toEqual(
      { public: false, token: 'metrics-token-0123456789', port: 9464 },
    );
    expect(loadConfig({ ATLAS_METRICS_PUBLIC: 'true' }).metrics).toEqual({ public: true, token: null, port: null });
  });

  it('names bad metrics settings without repeating the token', () => {
    const problems = problemsOf({
      ATLAS_METRICS_PUBLIC: 'yes',
      ATLAS_METRICS_TOKEN: 'short-secret',
      ATLAS_METRICS_PORT: '70000',
    });
    expect(problems).toEqual([
      'ATLAS_METRICS_PUBLIC must be true or false',
      'ATLAS_METRICS_TOKEN must be at least 16 characters without spaces',
      'ATLAS_METRICS_PORT must be a whole number from 1 to 65535 (got "70000")',
    ]);
    expect(problems.join('\n')).not.toContain('short-secret');
  });

  it('refuses a token together with public metrics', () => {
    expect(problemsOf({ ATLAS_METRICS_PUBLIC: '1', ATLAS_METRICS_TOKEN: 'metrics-token-0123456789' })).toEqual([
      'ATLAS_METRICS_TOKEN and ATLAS_METRICS_PUBLIC=true contradict each other: set one of them',
    ]);
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

describe('loadConfig: live progress over Server-Sent Events', () => {
  it('has defaults and reads the four settings', () => {
    expect(loadConfig({}, '/srv').syncEvents).toEqual({
      heartbeatSeconds: 15,
      statusIntervalMs: 250,
      tokenTtlSeconds: 300,
      maxStreamsPerKey: 20,
    });
    const config = loadConfig(
      {
        ATLAS_SSE_HEARTBEAT_SECONDS: '2',
        ATLAS_SSE_STATUS_INTERVAL_MS: '1000',
        ATLAS_SSE_TOKEN_TTL_SECONDS: '60',
        ATLAS_SSE_MAX_STREAMS_PER_KEY: '3',
      },
      '/srv',
    );
    expect(config.syncEvents).toEqual({
      heartbeatSeconds: 2,
      statusIntervalMs: 1000,
      tokenTtlSeconds: 60,
      maxStreamsPerKey: 3,
    });
  });

  it('refuses a silent stream, status events with no pause between them, a token that dies at once, and no stream at all', () => {
    const attempt = () =>
      loadConfig({
        ATLAS_SSE_HEARTBEAT_SECONDS: '0',
        ATLAS_SSE_STATUS_INTERVAL_MS: '10',
        ATLAS_SSE_TOKEN_TTL_SECONDS: '1',
        ATLAS_SSE_MAX_STREAMS_PER_KEY: '0',
      });
    expect(attempt).toThrow(
      /ATLAS_SSE_HEARTBEAT_SECONDS[\s\S]*ATLAS_SSE_STATUS_INTERVAL_MS[\s\S]*ATLAS_SSE_TOKEN_TTL_SECONDS[\s\S]*ATLAS_SSE_MAX_STREAMS_PER_KEY/,
    );
  });
});

describe('loadConfig: the address the HTTP server listens on', () => {
  it('is the loopback unless ATLAS_BIND_HOST says otherwise', () => {
    expect(loadConfig({}).bindHost).toBe('127.0.0.1');
    expect(loadConfig({ ATLAS_BIND_HOST: '0.0.0.0' }).bindHost).toBe('0.0.0.0');
    expect(loadConfig({ ATLAS_BIND_HOST: '[::]' }).bindHost).toBe('::');
    expect(loadConfig({ ATLAS_BIND_HOST: '192.168.1.20' }).bindHost).toBe('192.168.1.20');
  });

  it('refuses a name or anything that is not an IP address', () => {
    for (const bad of ['localhost', 'example.com', '0.0.0.0:3000', '300.1.1.1']) {
      expect(() => loadConfig({ ATLAS_BIND_HOST: bad })).toThrow(/ATLAS_BIND_HOST must be an IP address/);
    }
  });
});

describe('loadConfig: webhooks', () => {
  it('has defaults: 10 s timeout, 10 attempts, backoff from 10 s up to an hour', () => {
    expect(loadConfig({}).webhooks).toEqual({
      timeoutMs: 10_000,
      maxAttempts: 10,
      retryBaseMs: 10_000,
      retryMaxMs: 3_600_000,
    });
  });

  it('reads every webhook variable', () => {
    const config = loadConfig({
      ATLAS_WEBHOOK_TIMEOUT_MS: '2500',
      ATLAS_WEBHOOK_MAX_ATTEMPTS: '3',
      ATLAS_WEBHOOK_RETRY_BASE_MS: '200',
      ATLAS_WEBHOOK_RETRY_MAX_MS: '1000',
    });
    expect(config.webhooks).toEqual({ timeoutMs: 2500, maxAttempts: 3, retryBaseMs: 200, retryMaxMs: 1000 });
  });

  it('names bad webhook variables, and a longest wait shorter than the first', () => {
    expect(() =>
      loadConfig({
        ATLAS_WEBHOOK_TIMEOUT_MS: '0',
        ATLAS_WEBHOOK_MAX_ATTEMPTS: 'many',
        ATLAS_WEBHOOK_RETRY_BASE_MS: '5000',
        ATLAS_WEBHOOK_RETRY_MAX_MS: '1000',
      }),
    ).toThrow(
      expect.objectContaining({
        problems: expect.arrayContaining([
          expect.stringContaining('ATLAS_WEBHOOK_TIMEOUT_MS'),
          expect.stringContaining('ATLAS_WEBHOOK_MAX_ATTEMPTS'),
          expect.stringContaining('ATLAS_WEBHOOK_RETRY_MAX_MS (1000) must not be less than'),
        ]),
      }),
    );
  });
});
