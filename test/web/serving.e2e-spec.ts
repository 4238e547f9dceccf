import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SERVICE_PLANS } from '@atlas/bootstrap';
import { AtlasHarness, startAtlas, TEST_API_KEY } from '../support/atlas-harness';
import { tempDir } from '../support/temp-dir';

jest.setTimeout(60_000);

const INDEX =
  '<!doctype html><html><body><div id="root"></div><script src="/assets/app-3f9a1c.js"></script></body></html>';
const ASSET = 'console.log("app");';

/** The gateway serves the built web app at / without a key, and nothing else changes for the API. */
describe.each([
  ['the all-in-one', SERVICE_PLANS.atlas],
  ['the gateway alone', SERVICE_PLANS.gateway],
])('%s serves the web app', (_mode, plan) => {
  let atlas: AtlasHarness;
  let base: string;
  const build = tempDir('web-build');

  beforeAll(async () => {
    mkdirSync(join(build.path, 'assets'));
    writeFileSync(join(build.path, 'index.html'), INDEX);
    writeFileSync(join(build.path, 'assets', 'app-3f9a1c.js'), ASSET);
    atlas = await startAtlas({ plan, env: { ATLAS_WEB_DIR: build.path } });
    base = atlas.service.url!;
  });

  afterAll(async () => {
    await atlas?.close();
    build.remove();
  });

  const page = (path: string, init: RequestInit = {}) =>
    fetch(`${base}${path}`, {
      ...init,
      headers: { Accept: 'text/html,application/xhtml+xml,*/*;q=0.8', ...init.headers },
    });

  it('answers / and any page of the app with index.html, revalidated on every load, without a key', async () => {
    for (const path of ['/', '/channels', '/jobs/C1/sync_1?tab=stages', '/knowledge/wiki/C1/some-page']) {
      const response = await page(path);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/html/);
      expect(response.headers.get('cache-control')).toBe('no-cache');
      expect(await response.text()).toBe(INDEX);
    }
  });

  it('serves hashed assets as immutable, without a key', async () => {
    const response = await fetch(`${base}/assets/app-3f9a1c.js`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(await response.text()).toBe(ASSET);
  });

  it('keeps /api behind the key, in the error envelope, even for a browser asking for HTML', async () => {
    const withoutKey = await page('/api/channels');
    expect(withoutKey.status).toBe(401);
    expect((await withoutKey.json()).error.code).toBe('UNAUTHORIZED');

    const unknown = await page('/api/no-such-route', { headers: { Authorization: `Bearer ${TEST_API_KEY}` } });
    expect(unknown.status).toBe(404);
    expect((await unknown.json()).error.code).toBe('NOT_FOUND');

    const missingAsset = await fetch(`${base}/assets/missing-000000.js`);
    expect(missingAsset.status).toBe(401);
  });

  it('leaves /health and requests that do not ask for HTML as they were', async () => {
    const health = await page('/health');
    expect(health.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await health.json()).toMatchObject({ status: expect.any(String) });

    const api = await fetch(`${base}/channels`, { headers: { Accept: 'application/json' } });
    expect(api.status).toBe(401);
    // Only GET and HEAD reach the app; anything else is answered by the routes, in the envelope.
    const post = await page('/channels', { method: 'POST' });
    expect(post.status).toBe(401);
    expect((await post.json()).error.code).toBe('UNAUTHORIZED');
  });
});

describe('without a built app', () => {
  it('tells a browser how to build it instead of answering a JSON 401', async () => {
    const empty = tempDir('web-none');
    const atlas = await startAtlas({ plan: SERVICE_PLANS.gateway, env: { ATLAS_WEB_DIR: empty.path } });
    try {
      const response = await fetch(`${atlas.service.url}/`, { headers: { Accept: 'text/html' } });
      expect(response.status).toBe(503);
      expect(await response.text()).toContain('npm run web:build');
    } finally {
      await atlas.close();
      empty.remove();
    }
  });
});
