import { Logger } from '@nestjs/common';
import { join } from 'node:path';
import {
  AtlasHarness,
  connectExport,
  eventually,
  startAtlas,
  TEST_API_KEY,
  waitForJob,
} from '../support/atlas-harness';
import { CapturedLog, LogLine } from '../support/captured-log';
import { generatedChannel, writeSlackExport } from '../support/slack-export-fixture';

jest.setTimeout(120_000);

const STAGES = ['fetching_messages', 'extracting_facts', 'building_graph', 'generating_wiki'];
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('logs: JSON lines with request ids, one line per stage start and end, no secrets', () => {
  const log = new CapturedLog();
  let atlas: AtlasHarness;
  const channel = generatedChannel('C0LOGS', 'logs', 60);

  beforeAll(async () => {
    atlas = await startAtlas({ env: { ATLAS_LOG_LEVEL: 'log', ATLAS_LOG_FORMAT: 'json' }, logDestination: log });
    writeSlackExport(join(atlas.importDir, 'acme'), [channel]);
    await connectExport(atlas.api, 'acme');
  });

  afterAll(() => atlas.close());

  const get = (path: string, headers: Record<string, string> = {}) =>
    fetch(`${atlas.service.url}${path}`, { headers: { authorization: `Bearer ${TEST_API_KEY}`, ...headers } });
  const requestLine = (id: string) =>
    eventually(
      async () => log.lines.find((line) => line.request_id === id && line.res !== undefined),
      5_000,
      `the request line of ${id}`,
    );

  it('writes one JSON object per line, with an ISO time, the level by name and the service', () => {
    expect(log.raw.length).toBeGreaterThan(0);
    for (const line of log.lines) {
      expect(line).toMatchObject({
        level: expect.any(String),
        time: expect.stringMatching(ISO_TIME),
        service: 'atlas',
      });
      expect(typeof line.message).toBe('string');
    }
    // ATLAS_LOG_LEVEL=log is pino's info, and nothing below it.
    expect(log.lines.some((line) => line.level === 'info')).toBe(true);
    expect(log.lines.some((line) => line.level === 'debug' || line.level === 'trace')).toBe(false);
  });

  it("echoes the client's X-Request-Id and logs the request with it", async () => {
    const response = await get('/api/channels', { 'x-request-id': 'client-chosen.id-42' });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-request-id')).toBe('client-chosen.id-42');
    const line = await requestLine('client-chosen.id-42');
    expect(line).toMatchObject({
      level: 'info',
      message: 'GET /api/channels 200',
      req: { method: 'GET', url: '/api/channels' },
      res: { status: 200 },
      duration_ms: expect.any(Number),
    });
  });

  it('gives a request without a sane id a new one, different for each', async () => {
    const without = await get('/health');
    const tooLong = await get('/health', { 'x-request-id': 'x'.repeat(200) });
    const withSpaces = await get('/health', { 'x-request-id': 'two words' });
    const ids = [without, tooLong, withSpaces].map((response) => response.headers.get('x-request-id') ?? '');
    for (const id of ids) expect(id).toMatch(UUID);
    expect(new Set(ids).size).toBe(3);
    for (const id of ids) expect((await requestLine(id)).message).toBe('GET /health 200');
  });

  it('a refused request gets an id too, and its line is a warning', async () => {
    const response = await fetch(`${atlas.service.url}/api/channels`, { headers: { 'x-request-id': 'no-key-1' } });
    expect(response.status).toBe(401);
    expect(response.headers.get('x-request-id')).toBe('no-key-1');
    expect(await requestLine('no-key-1')).toMatchObject({ level: 'warn', res: { status: 401 } });
  });

  it('lines logged while a request is served carry its request_id', async () => {
    const form = new FormData();
    form.append('file', new Blob(['body,sent_at,user\nhello there,2026-03-01T10:00:00Z,ann\n']), 'tickets.csv');
    form.append('mapping', JSON.stringify({ text: 'body', timestamp: 'sent_at', author: 'user' }));
    const response = await fetch(`${atlas.service.url}/api/imports`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TEST_API_KEY}`, 'x-request-id': 'upload-1' },
      body: form,
    });
    expect(response.status).toBe(201);
    const imported = await eventually(
      async () => log.lines.find((line) => line.context === 'Imports' && line.message.startsWith('Imported')),
      5_000,
      'the import line',
    );
    expect(imported.request_id).toBe('upload-1');
  });

  it('a sync logs exactly one start and one end line per stage, with job_id, channel_id and stage as fields', async () => {
    const { status, body } = await atlas.api.post('/api/sync', { channel_id: 'C0LOGS' });
    expect(status).toBe(202);
    const jobId: string = body.job_id;
    await waitForJob(atlas.api, 'C0LOGS', jobId, ['completed']);
    const ofJob = (event: string) => log.lines.filter((line) => line.job_id === jobId && line.event === event);
    await eventually(async () => (ofJob('stage_ended').length >= 4 ? true : undefined), 10_000, 'four end lines');
    // Anything late (a second line for a stage) would show within this pause.
    await new Promise((resolve) => setTimeout(resolve, 500));

    const starts = ofJob('stage_started');
    const ends = ofJob('stage_ended');
    expect(starts.map((line) => line.stage).sort()).toEqual([...STAGES].sort());
    expect(ends.map((line) => line.stage).sort()).toEqual([...STAGES].sort());
    for (const line of starts) {
      expect(line).toMatchObject({
        level: 'info',
        context: 'JobStage',
        channel_id: 'C0LOGS',
        attempt: 1,
        resumed: false,
      });
      expect(line.message).toBe(`${line.stage} of ${jobId} started`);
    }
    for (const line of ends) {
      expect(line).toMatchObject({ level: 'info', channel_id: 'C0LOGS', outcome: 'completed' });
      expect(line.duration_ms).toBeGreaterThanOrEqual(0);
      const start = starts.find((s) => s.stage === line.stage) as LogLine;
      expect(Date.parse(line.time)).toBeGreaterThanOrEqual(Date.parse(start.time));
    }
    // The dispatcher's line about the job has the fields too, not only the text.
    expect(log.lines).toContainEqual(
      expect.objectContaining({ context: 'Dispatcher', job_id: jobId, channel_id: 'C0LOGS' }),
    );
  });

  it('never prints a bearer token, a token in the URL, or secret fields', async () => {
    const bearer = 'bearer-secret-0123456789abcdef';
    const inUrl = 'url-secret-0123456789abcdef';
    expect(
      (await get('/api/channels', { authorization: `Bearer ${bearer}`, 'x-request-id': 'bad-key-1' })).status,
    ).toBe(401);
    await get(`/api/channels?access_token=${inUrl}&limit=5`, { 'x-request-id': 'url-token-1' });
    new Logger('RedactionCheck').warn(`a header said Bearer ${bearer}`, {
      token: 'field-secret-1',
      connection: { credentials: { token: 'field-secret-2' } },
      config: { api_key: 'field-secret-3' },
    });

    expect((await requestLine('url-token-1')).req.url).toBe('/api/channels?access_token=%5Bredacted%5D&limit=5');
    const check = await eventually(
      async () => log.lines.find((line) => line.context === 'RedactionCheck'),
      5_000,
      'the line with secret fields',
    );
    expect(check).toMatchObject({
      message: 'a header said Bearer [redacted]',
      token: '[redacted]',
      connection: { credentials: '[redacted]' },
      config: { api_key: '[redacted]' },
    });
    for (const secret of [bearer, inUrl, 'field-secret-1', 'field-secret-2', 'field-secret-3', TEST_API_KEY]) {
      expect(log.text).not.toContain(secret);
    }
  });
});
