import { join } from 'node:path';
import { AtlasHarness, connectExport, startAtlas, TEST_API_KEY, waitForJob } from '../support/atlas-harness';
import { generatedChannel, writeSlackExport } from '../support/slack-export-fixture';

jest.setTimeout(60_000);

describe('API: keys, validation and the error envelope', () => {
  let atlas: AtlasHarness;

  beforeAll(async () => {
    atlas = await startAtlas();
    writeSlackExport(join(atlas.importDir, 'acme'), [generatedChannel('C0GENERAL', 'general', 20)]);
    await connectExport(atlas.api, 'acme');
  });

  afterAll(() => atlas.close());

  const logPosition = () => atlas.service.runtime.events.lastSequence();
  const expectEnvelope = (body: any, code: string) =>
    expect(body).toEqual({ error: { code, message: expect.any(String), details: expect.any(Object) } });

  describe('API keys', () => {
    it.each([
      ['no key', null],
      ['a wrong key', 'wrong-key-0123456789abcdef'],
    ])('refuses %s on every route, known or not', async (_label, key) => {
      const api = atlas.api.withKey(key);
      for (const [method, path] of [
        ['GET', '/api/sync/status?channel_id=C0GENERAL'],
        ['POST', '/api/sync'],
        ['GET', '/api/connections'],
        ['GET', '/api/does-not-exist'],
      ]) {
        const { status, body } = await api.request(method, path, {
          json: method === 'POST' ? { channel_id: 'C0GENERAL' } : undefined,
        });
        expect(status).toBe(401);
        expectEnvelope(body, 'UNAUTHORIZED');
      }
    });

    it('answers the health check without a key', async () => {
      const { status, body } = await atlas.api.withKey(null).get('/health');
      expect(status).toBe(200);
      expect(body.status).toBe('ok');
    });

    it('accepts a valid key as a Bearer token', async () => {
      const { status } = await atlas.api.withKey(TEST_API_KEY).get('/api/channels');
      expect(status).toBe(200);
    });
  });

  describe('bad input gets a 400 in the envelope and changes nothing', () => {
    const cases: Array<
      [string, string, string, { json?: unknown; raw?: string; headers?: Record<string, string> }, RegExp]
    > = [
      ['missing channel_id', 'POST', '/api/sync', { json: {} }, /channel_id/],
      ['an unknown field', 'POST', '/api/sync', { json: { channel_id: 'C0GENERAL', turbo: true } }, /turbo/],
      ['force of the wrong type', 'POST', '/api/sync', { json: { channel_id: 'C0GENERAL', force: 'yes' } }, /force/],
      ['channel_id of the wrong type', 'POST', '/api/sync', { json: { channel_id: 42 } }, /channel_id/],
      ['malformed JSON', 'POST', '/api/sync', { raw: '{"channel_id": ' }, /JSON/],
      ['a body over the size limit', 'POST', '/api/sync', { json: { channel_id: 'x'.repeat(70_000) } }, /limit/],
      ['history limit 0', 'GET', '/api/sync/history?channel_id=C0GENERAL&limit=0', {}, /limit/],
      ['history limit 101', 'GET', '/api/sync/history?channel_id=C0GENERAL&limit=101', {}, /limit/],
      ['history limit not a number', 'GET', '/api/sync/history?channel_id=C0GENERAL&limit=ten', {}, /limit/],
      ['status without channel_id', 'GET', '/api/sync/status', {}, /channel_id/],
      ['an unknown query parameter', 'GET', '/api/sync/status?channel_id=C0GENERAL&verbose=1', {}, /verbose/],
      ['cancel without job_id', 'POST', '/api/sync/cancel', { json: {} }, /job_id/],
      [
        'a 6-field cron',
        'PUT',
        '/api/sync/schedules',
        { json: { channel_id: 'C0GENERAL', schedule: '0 0 * * * *' } },
        /6 field/,
      ],
      [
        'an out-of-range cron field',
        'PUT',
        '/api/sync/schedules',
        { json: { channel_id: 'C0GENERAL', schedule: '0 25 * * *' } },
        /hour field "25"/,
      ],
      [
        'an unknown time zone',
        'PUT',
        '/api/sync/schedules',
        { json: { channel_id: 'C0GENERAL', schedule: '0 * * * *', timezone: 'Mars/Base' } },
        /timezone/,
      ],
      [
        'enabled of the wrong type',
        'PUT',
        '/api/sync/schedules',
        { json: { channel_id: 'C0GENERAL', schedule: '0 * * * *', enabled: 'on' } },
        /enabled/,
      ],
      [
        'an unknown platform',
        'POST',
        '/api/connections',
        { json: { name: 'x', platform: 'irc', config: {} } },
        /platform/,
      ],
      [
        'an export path outside the import folder',
        'POST',
        '/api/connections',
        { json: { name: 'x', platform: 'slack_export', config: { path: '../../etc' } } },
        /outside|import folder/,
      ],
      [
        'a slack connection without a token',
        'POST',
        '/api/connections',
        { json: { name: 'x', platform: 'slack', config: {} } },
        /token/,
      ],
      [
        'an unknown config field',
        'POST',
        '/api/connections',
        { json: { name: 'x', platform: 'slack_export', config: { path: 'acme', shell: 'rm' } } },
        /shell/,
      ],
    ];

    it.each(cases)('%s', async (_label, method, path, options, message) => {
      const before = await logPosition();
      const { status, body } = await atlas.api.request(method, path, options);
      expect(status).toBe(400);
      expectEnvelope(body, 'VALIDATION_ERROR');
      expect(`${body.error.message} ${JSON.stringify(body.error.details)}`).toMatch(message);
      expect(await logPosition()).toBe(before);
    });
  });

  describe('not found and conflicts', () => {
    it('CHANNEL_NOT_FOUND for an unknown channel', async () => {
      for (const [method, path, json] of [
        ['POST', '/api/sync', { channel_id: 'C0NOPE' }],
        ['GET', '/api/sync/status?channel_id=C0NOPE', undefined],
        ['GET', '/api/sync/history?channel_id=C0NOPE', undefined],
        ['PUT', '/api/sync/schedules', { channel_id: 'C0NOPE', schedule: '0 * * * *' }],
      ] as const) {
        const before = await logPosition();
        const { status, body } = await atlas.api.request(method, path, { json });
        expect(status).toBe(404);
        expectEnvelope(body, 'CHANNEL_NOT_FOUND');
        expect(await logPosition()).toBe(before);
      }
    });

    it('JOB_NOT_FOUND for an unknown job', async () => {
      const cancel = await atlas.api.post('/api/sync/cancel', { job_id: 'sync_nope' });
      expect(cancel.status).toBe(404);
      expectEnvelope(cancel.body, 'JOB_NOT_FOUND');
      const status = await atlas.api.get('/api/sync/status?channel_id=C0GENERAL&job_id=sync_nope');
      expect(status.status).toBe(404);
      expectEnvelope(status.body, 'JOB_NOT_FOUND');
    });

    it('JOB_NOT_CANCELLABLE for a finished job, which stays completed', async () => {
      const { body } = await atlas.api.post('/api/sync', { channel_id: 'C0GENERAL' });
      await waitForJob(atlas.api, 'C0GENERAL', body.job_id, ['completed']);
      const before = await logPosition();
      const cancel = await atlas.api.post('/api/sync/cancel', { job_id: body.job_id });
      expect(cancel.status).toBe(409);
      expectEnvelope(cancel.body, 'JOB_NOT_CANCELLABLE');
      expect(cancel.body.error.details.status).toBe('completed');
      expect(await logPosition()).toBe(before);
      const status = await atlas.api.get(`/api/sync/status?channel_id=C0GENERAL&job_id=${body.job_id}`);
      expect(status.body.status).toBe('completed');
    });

    it('answers unknown routes in the envelope', async () => {
      const { status, body } = await atlas.api.get('/api/nothing-here');
      expect(status).toBe(404);
      expectEnvelope(body, 'NOT_FOUND');
    });
  });

  describe('connections never reveal credentials', () => {
    it('lists connections with their channels and without secrets', async () => {
      const { body } = await atlas.api.get('/api/connections');
      expect(body.connections).toHaveLength(1);
      expect(body.connections[0]).toMatchObject({ platform: 'slack_export', has_credentials: false });
      expect(body.connections[0].channels.map((c: any) => c.channel_id)).toEqual(['C0GENERAL']);
    });
  });
});
