import { getStorageToken, ThrottlerStorageService } from '@nestjs/throttler';
import { createHash } from 'node:crypto';
import { AtlasHarness, startAtlas, TEST_API_KEY } from '../support/atlas-harness';

jest.setTimeout(60_000);

const OTHER_KEY = 'other-key-0123456789abcdef';
const UPLOADER_KEY = 'uploader-key-0123456789abcdef';
const MCP_KEY = 'mcp-key-0123456789abcdef';
const LIMIT = 5;
const UPLOAD_LIMIT = 2;

describe('per-key rate limits', () => {
  let atlas: AtlasHarness;

  beforeAll(async () => {
    atlas = await startAtlas({
      env: {
        ATLAS_API_KEYS: [TEST_API_KEY, OTHER_KEY, UPLOADER_KEY, MCP_KEY].join(','),
        ATLAS_RATE_LIMIT_PER_MINUTE: String(LIMIT),
        ATLAS_UPLOAD_RATE_LIMIT_PER_MINUTE: String(UPLOAD_LIMIT),
      },
    });
  });

  afterAll(() => atlas.close());

  const get = (path: string, key: string | null) =>
    fetch(`${atlas.service.url}${path}`, { headers: key ? { authorization: `Bearer ${key}` } : {} });

  it('refuses the request over the limit with 429 RATE_LIMIT and Retry-After; another key is unaffected', async () => {
    // Different routes share one budget per key.
    for (const path of [
      '/api/channels',
      '/api/connections',
      '/api/channels',
      '/api/connections',
      '/api/sync/schedules',
    ]) {
      expect((await get(path, TEST_API_KEY)).status).not.toBe(429);
    }
    const refused = await get('/api/channels', TEST_API_KEY);
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(await refused.json()).toEqual({
      error: {
        code: 'RATE_LIMIT',
        message: expect.stringMatching(/at most 5 a minute/),
        details: { retry_after: retryAfter, limit: LIMIT, window_seconds: 60 },
      },
    });

    expect((await get('/api/channels', OTHER_KEY)).status).toBe(200);
    // The health check is never limited, with or without the key.
    for (let i = 0; i < LIMIT + 2; i++) {
      expect((await get('/health', null)).status).toBe(200);
      expect((await get('/health', TEST_API_KEY)).status).toBe(200);
    }
  });

  it('counts MCP requests (POST /mcp) against the same budget of the key', async () => {
    const listTools = () =>
      fetch(`${atlas.service.url}/mcp`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${MCP_KEY}`,
          'content-type': 'application/json',
          accept: 'application/json, text/event-stream',
        },
        body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' }),
      });
    for (let i = 0; i < LIMIT; i++) expect((await listTools()).status).toBe(200);
    const refused = await listTools();
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await refused.json()).error.code).toBe('RATE_LIMIT');
  });

  it('counts keys by their digest, never by the key itself', () => {
    const storage = atlas.service.app.get<ThrottlerStorageService>(getStorageToken());
    const counted = [...storage.storage.keys()];
    expect(counted.length).toBeGreaterThan(0);
    expect(counted.join(' ')).not.toContain(TEST_API_KEY);
    expect(counted).toContain(`api:${createHash('sha256').update(TEST_API_KEY).digest('hex')}`);
  });

  it('limits uploads more strictly, within the same key budget', async () => {
    const upload = () => {
      const form = new FormData();
      form.append('file', new Blob(['not,a,real,file\n']), 'x.csv');
      return fetch(`${atlas.service.url}/api/imports`, {
        method: 'POST',
        headers: { authorization: `Bearer ${UPLOADER_KEY}` },
        body: form,
      });
    };
    for (let i = 0; i < UPLOAD_LIMIT; i++) expect((await upload()).status).toBe(400);
    const refused = await upload();
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);
    const body = await refused.json();
    expect(body.error).toMatchObject({ code: 'RATE_LIMIT', message: expect.stringMatching(/uploads/) });
    // Other routes still answer the same key.
    expect((await get('/api/channels', UPLOADER_KEY)).status).toBe(200);
  });
});
