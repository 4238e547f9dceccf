import { join } from 'node:path';
import { AtlasHarness, connectExport, startAtlas, TEST_API_KEY } from '../support/atlas-harness';
import { RawAnswer, rawHttp, rawRequest } from '../support/raw-http';
import { generatedChannel, writeSlackExport } from '../support/slack-export-fixture';

jest.setTimeout(60_000);

/** Everything the service writes to stdout and stderr while `run` runs. */
async function outputDuring(run: () => Promise<void>): Promise<string> {
  const written: string[] = [];
  const capture = (chunk: unknown) => {
    written.push(String(chunk));
    return true;
  };
  const stdout = jest.spyOn(process.stdout, 'write').mockImplementation(capture);
  const stderr = jest.spyOn(process.stderr, 'write').mockImplementation(capture);
  try {
    await run();
  } finally {
    stdout.mockRestore();
    stderr.mockRestore();
  }
  return written.join('');
}

const expectEnvelope = (body: unknown, code: string) =>
  expect(body).toEqual({ error: { code, message: expect.any(String), details: expect.any(Object) } });

describe('the error contract: every refusal is an envelope, bad input never costs a 500', () => {
  let atlas: AtlasHarness;
  let connectionId: string;
  let port: number;

  beforeAll(async () => {
    atlas = await startAtlas();
    port = Number(atlas.env.PORT);
    writeSlackExport(join(atlas.importDir, 'acme'), [generatedChannel('C0DEEP', 'deep', 5)]);
    connectionId = (await connectExport(atlas.api, 'acme')).connection_id;
  });

  afterAll(() => atlas.close());

  describe('JSON nested deeper than the cap is a 400 before validation', () => {
    // Built as text: JSON.stringify itself recurses, and would overflow in the test before the server could.
    const deepArrays = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);
    const deepObjects = (depth: number) => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
    const routes: Array<[string, string, (deep: string) => string]> = [
      ['POST', '/api/sync', (deep) => `{"channel_id":"C0DEEP","force":${deep}}`],
      ['POST', '/api/sync/cancel', (deep) => `{"job_id":${deep}}`],
      ['PUT', '/api/sync/schedules', (deep) => `{"channel_id":"C0DEEP","schedule":"0 * * * *","timezone":${deep}}`],
      ['POST', '/api/connections', (deep) => `{"name":"x","platform":"slack_export","config":${deep}}`],
      ['PUT', '/api/connections/:id', (deep) => `{"config":{"path":${deep}}}`],
    ];
    const cases = routes.flatMap(([method, path, wrap]) => [
      [`${method} ${path}: arrays 1,500 deep as the body`, method, path, deepArrays(1500)],
      [`${method} ${path}: arrays 1,500 deep in a field`, method, path, wrap(deepArrays(1500))],
      [`${method} ${path}: objects 5,000 deep as the body`, method, path, deepObjects(5000)],
      [`${method} ${path}: objects 5,000 deep in a field`, method, path, wrap(deepObjects(5000))],
    ]);

    it.each(cases)('%s', async (_label, method, route, raw) => {
      const path = route.replace(':id', connectionId);
      expect(raw.length).toBeLessThan(64 * 1024);
      const before = await atlas.service.runtime.events.lastSequence();
      let answer: { status: number; body: any } = { status: 0, body: null };
      const output = await outputDuring(async () => {
        answer = await atlas.api.request(method, path, { raw });
      });
      expect(answer.status).toBe(400);
      expectEnvelope(answer.body, 'VALIDATION_ERROR');
      expect(answer.body.error.message).toMatch(/deeper than 32 levels/);
      expect(answer.body.error.details).toEqual({ max_depth: 32 });
      expect(output).not.toMatch(/Maximum call stack|INTERNAL_ERROR|RangeError/);
      expect(await atlas.service.runtime.events.lastSequence()).toBe(before);
    });

    it('a nesting within the cap still reaches validation', async () => {
      const raw = `{"channel_id":"C0DEEP","force":${deepArrays(31)}}`;
      const { status, body } = await atlas.api.request('POST', '/api/sync', { raw });
      expect(status).toBe(400);
      expect(body.error.message).toMatch(/force/);
    });

    it('JSON in a multipart field (the mapping of an upload) gets the same cap', async () => {
      const mapping = '{"text":'.repeat(200) + '"body"' + '}'.repeat(200);
      const { status, body } = await atlas.api.postForm(
        '/api/imports',
        [{ name: 'tickets.csv', content: 'sent_at,user,body\n2026-01-05T09:00:00Z,ana,hello\n' }],
        { mapping },
      );
      expect(status).toBe(400);
      expectEnvelope(body, 'VALIDATION_ERROR');
      expect(body.error.message).toMatch(/mapping nests .* deeper than 32 levels/);
    });
  });

  describe('what Node or express refuse is answered in the envelope too', () => {
    const auth = { Authorization: `Bearer ${TEST_API_KEY}` };
    const json = { ...auth, 'Content-Type': 'application/json' };
    const cases: Array<[string, string | Buffer, number, string]> = [
      ['an unknown method', rawHttp('FOO', '/api/sync', auth), 400, 'MALFORMED_REQUEST'],
      ['an unknown method without a key', rawHttp('PROPFOO', '/health'), 400, 'MALFORMED_REQUEST'],
      ['a method no route has (PROPFIND)', rawHttp('PROPFIND', '/api/sync', auth), 404, 'NOT_FOUND'],
      ['a method no route has (TRACE)', rawHttp('TRACE', '/api/sync', auth), 404, 'NOT_FOUND'],
      ['a method no route has (PATCH)', rawHttp('PATCH', '/api/sync', json, '{}'), 404, 'NOT_FOUND'],
      ['CONNECT', 'CONNECT 127.0.0.1:22 HTTP/1.1\r\nHost: 127.0.0.1:22\r\n\r\n', 405, 'METHOD_NOT_ALLOWED'],
      [
        'headers of 17 KB',
        rawHttp('GET', '/api/channels', { ...auth, 'X-Filler': 'a'.repeat(17 * 1024) }),
        431,
        'REQUEST_HEADER_TOO_LARGE',
      ],
      [
        'headers of 1 MB, still being sent when the answer goes out',
        rawHttp('GET', '/api/channels', { ...auth, 'X-Filler': 'a'.repeat(1024 * 1024) }),
        431,
        'REQUEST_HEADER_TOO_LARGE',
      ],
      [
        'a Content-Length that is no number',
        'POST /api/sync HTTP/1.1\r\nHost: x\r\nContent-Length: ten\r\n\r\n',
        400,
        'MALFORMED_REQUEST',
      ],
      [
        'a chunked body whose framing breaks while it is read',
        rawHttp('POST', '/api/sync', { ...json, 'Transfer-Encoding': 'chunked' }) + '5\r\n{"a":\r\nzz\r\n',
        400,
        'MALFORMED_REQUEST',
      ],
      ['not HTTP at all', 'hello there\r\n\r\n', 400, 'MALFORMED_REQUEST'],
      ['an HTTP/2 preface', 'PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n', 400, 'MALFORMED_REQUEST'],
      ['a broken percent-encoding in the path', rawHttp('GET', '/api/wiki/%zz', auth), 400, 'VALIDATION_ERROR'],
      ['an unknown route', rawHttp('GET', '/api/nothing', auth), 404, 'NOT_FOUND'],
      [
        'a body over the limit',
        rawHttp('POST', '/api/sync', json, JSON.stringify({ x: 'y'.repeat(70_000) })),
        400,
        'VALIDATION_ERROR',
      ],
      [
        'an unknown content encoding',
        rawHttp('POST', '/api/sync', { ...json, 'Content-Encoding': 'zzip' }, '{}'),
        400,
        'VALIDATION_ERROR',
      ],
      [
        'a body that is not gzip as it says',
        rawHttp('POST', '/api/sync', { ...json, 'Content-Encoding': 'gzip' }, '{}'),
        400,
        'VALIDATION_ERROR',
      ],
      [
        'an unknown charset',
        rawHttp('POST', '/api/sync', { ...auth, 'Content-Type': 'application/json; charset=klingon' }, '{}'),
        400,
        'VALIDATION_ERROR',
      ],
    ];

    it.each(cases)('%s', async (_label, request, status, code) => {
      const answer: RawAnswer = await rawRequest(port, request);
      expect(answer.socketError).toBeNull();
      expect(answer.status).toBe(status);
      expect(answer.headers['content-type']).toMatch(/^application\/json/);
      expect(Number(answer.headers['content-length'])).toBe(Buffer.byteLength(answer.body));
      expectEnvelope(JSON.parse(answer.body), code);
    });

    it('a broken request behind a good one on the same connection: the good one is answered first, whole', async () => {
      const good = rawHttp('GET', '/health').replace('Connection: close', 'Connection: keep-alive');
      const answer = await rawRequest(port, good + 'FOO / HTTP/1.1\r\n\r\n');
      expect(answer.status).toBe(200);
      const second = answer.body.slice(answer.body.indexOf('HTTP/1.1 '));
      expect(second).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
      expectEnvelope(JSON.parse(second.slice(second.indexOf('\r\n\r\n') + 4)), 'MALFORMED_REQUEST');
    });
  });

  describe('GET /health', () => {
    it('says only ok or degraded without a key', async () => {
      for (const key of [null, 'wrong-key-0123456789abcdef']) {
        const { status, body } = await atlas.api.withKey(key).get('/health');
        expect(status).toBe(200);
        expect(body).toEqual({ status: 'ok' });
      }
    });

    it('shows what it checked to a valid key', async () => {
      const { status, body } = await atlas.api.get('/health');
      expect(status).toBe(200);
      expect(body).toEqual({
        status: 'ok',
        nats: 'connected',
        store: { kind: 'sqlite', status: 'ok' },
        projection: { position: expect.any(Number), log_position: expect.any(Number), lag: expect.any(Number) },
      });
    });
  });
});
