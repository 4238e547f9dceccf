import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';
import { AtlasHarness, startAtlas, TEST_API_KEY } from '../support/atlas-harness';

jest.setTimeout(60_000);

/** An address of this machine off the loopback (a container's eth0), if it has one. */
const OTHER_LOCAL_ADDRESS = Object.values(networkInterfaces())
  .flat()
  .find((address) => address && !address.internal && address.family === 'IPv4')?.address;

/** Whether a TCP connection to host:port is accepted. */
function accepts(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** The directives of a Content-Security-Policy header, by name. */
function directives(policy: string | null): Record<string, string> {
  return Object.fromEntries(
    (policy ?? '')
      .split(';')
      .map((directive) => directive.trim())
      .filter((directive) => directive !== '')
      .map((directive) => {
        const [name, ...values] = directive.split(/\s+/);
        return [name, values.join(' ')];
      }),
  );
}

describe('security headers', () => {
  let atlas: AtlasHarness;
  beforeAll(async () => {
    atlas = await startAtlas();
  });
  afterAll(() => atlas.close());

  const get = (path: string, key: string | null = TEST_API_KEY) =>
    fetch(`${atlas.service.url}${path}`, { headers: key ? { authorization: `Bearer ${key}` } : {} });

  it('every API answer, a refusal or an unknown path too, carries them with the app policy', async () => {
    for (const [path, key, status] of [
      ['/api/channels', TEST_API_KEY, 200],
      ['/api/channels', null, 401],
      ['/no/such/path', TEST_API_KEY, 404],
      ['/health', null, 200],
    ] as const) {
      const response = await get(path, key);
      expect(response.status).toBe(status);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
      expect(response.headers.get('cross-origin-opener-policy')).toBe('same-origin');
      expect(response.headers.get('cross-origin-resource-policy')).toBe('same-origin');
      expect(response.headers.get('x-powered-by')).toBeNull();
      expect(directives(response.headers.get('content-security-policy'))).toEqual({
        'default-src': "'self'",
        'script-src': "'self'",
        'script-src-attr': "'none'",
        'style-src': "'self'",
        'img-src': "'self' data:",
        'font-src': "'self'",
        'connect-src': "'self'",
        'worker-src': "'self'",
        'manifest-src': "'self'",
        'object-src': "'none'",
        'base-uri': "'self'",
        'form-action': "'self'",
        'frame-ancestors': "'none'",
      });
    }
  });

  it("Swagger UI's pages alone may use inline styles; their scripts stay 'self'", async () => {
    for (const path of ['/api/docs', '/api/docs/', '/api/docs/swagger-ui.css']) {
      const policy = directives((await get(path, null)).headers.get('content-security-policy'));
      expect(policy['style-src']).toBe("'self' 'unsafe-inline'");
      expect(policy['script-src']).toBe("'self'");
    }
    const lookalike = directives((await get('/api/docsx', null)).headers.get('content-security-policy'));
    expect(lookalike['style-src']).toBe("'self'");
  });
});

describe('ATLAS_BIND_HOST', () => {
  let atlas: AtlasHarness | undefined;
  afterEach(async () => {
    await atlas?.close();
    atlas = undefined;
  });

  it('listens on 127.0.0.1 by default, and not on the other addresses of the machine', async () => {
    atlas = await startAtlas();
    const { port } = atlas.service.listening!;
    expect(atlas.service.listening).toEqual({
      host: '127.0.0.1',
      port,
      allInterfaces: false,
      url: `http://127.0.0.1:${port}`,
    });
    expect(atlas.service.url).toBe(`http://127.0.0.1:${port}`);
    expect(await accepts('127.0.0.1', port)).toBe(true);
    if (OTHER_LOCAL_ADDRESS) expect(await accepts(OTHER_LOCAL_ADDRESS, port)).toBe(false);
  });

  it('0.0.0.0 listens on every interface and still gives a URL that works here', async () => {
    atlas = await startAtlas({ env: { ATLAS_BIND_HOST: '0.0.0.0' } });
    const { port } = atlas.service.listening!;
    expect(atlas.service.listening).toEqual({
      host: '0.0.0.0',
      port,
      allInterfaces: true,
      url: `http://127.0.0.1:${port}`,
    });
    expect((await fetch(`${atlas.service.url}/health`)).status).toBe(200);
    if (OTHER_LOCAL_ADDRESS) expect((await fetch(`http://${OTHER_LOCAL_ADDRESS}:${port}/health`)).status).toBe(200);
  });
});
