import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { channelSubject } from '@atlas/events';
import { STREAM_NAME } from '@atlas/messaging';
import { signToken, SYNC_EVENTS_SCOPE, tokenSigningKey } from '../../libs/gateway/src/sync/sync-events-token';
import { AtlasHarness, connectExport, eventually, startAtlas, TEST_API_KEY } from '../support/atlas-harness';
import { ANY_METHOD } from '../support/slack-emulator';
import { generatedChannel, writeSlackExport } from '../support/slack-export-fixture';
import { connectSlack, seedChannel, startSlackWorkspace } from '../support/slack-workspace-fixture';
import { SseClient } from '../support/sse-client';

jest.setTimeout(120_000);

const STAGES = ['fetching_messages', 'extracting_facts', 'building_graph', 'generating_wiki'];
const AUTH = { authorization: `Bearer ${TEST_API_KEY}` };

describe('GET /api/sync/events: live progress over Server-Sent Events (issue 12)', () => {
  let atlas: AtlasHarness;
  const clients: SseClient[] = [];
  let general: SseClient;
  let everyChannel: SseClient;
  let firstJob: string;
  const open = async (query: string, headers: Record<string, string> = AUTH) => {
    const client = await SseClient.open(`${atlas.api.baseUrl}/api/sync/events${query}`, headers);
    clients.push(client);
    return client;
  };
  const of = (client: SseClient, type: string, jobId?: string) =>
    client.events.filter((e) => e.event === type && (jobId === undefined || e.data.job_id === jobId));
  const statusOf = async (channelId: string, jobId: string) =>
    (await atlas.api.get(`/api/sync/status?channel_id=${channelId}&job_id=${jobId}`)).body;

  beforeAll(async () => {
    atlas = await startAtlas({ env: { ATLAS_SSE_HEARTBEAT_SECONDS: '1', ATLAS_SSE_MAX_STREAMS_PER_KEY: '4' } });
    writeSlackExport(join(atlas.importDir, 'acme'), [
      generatedChannel('C0GENERAL', 'general', 120),
      generatedChannel('C0RANDOM', 'random', 30),
    ]);
    await connectExport(atlas.api, 'acme');
  });

  // Each test's streams end with it; the two opened before the first sync stay open to the end.
  afterEach(() => {
    for (const client of clients) if (client !== general && client !== everyChannel) client.close();
  });

  afterAll(async () => {
    for (const client of clients) client.close();
    await atlas?.close();
  });

  it('refuses bad parameters in the error envelope, as GET /api/sync/status does, before any stream opens', async () => {
    const cases: Array<[string, Record<string, string>, number, string]> = [
      ['?channel_id=C0NOPE', AUTH, 404, 'CHANNEL_NOT_FOUND'],
      ['?channel_id=C0GENERAL&job_id=sync_nope', AUTH, 404, 'JOB_NOT_FOUND'],
      ['?job_id=sync_nope', AUTH, 404, 'JOB_NOT_FOUND'],
      ['?channel_id=', AUTH, 400, 'VALIDATION_ERROR'],
      ['?channel=C0GENERAL', AUTH, 400, 'VALIDATION_ERROR'],
      ['?last_event_id=-3', AUTH, 400, 'VALIDATION_ERROR'],
      ['', { ...AUTH, 'last-event-id': 'abc' }, 400, 'VALIDATION_ERROR'],
      ['', {}, 401, 'UNAUTHORIZED'],
    ];
    for (const [query, headers, status, code] of cases) {
      const client = await open(query, headers);
      expect({ query, status: client.status }).toEqual({ query, status });
      expect(client.headers.get('content-type')).toMatch(/^application\/json/);
      expect(client.body).toEqual({ error: { code, message: expect.any(String), details: expect.any(Object) } });
    }
  });

  it('streams a sync of a channel to its end: stages in order, progress that only grows, then the final status', async () => {
    general = await open('?channel_id=C0GENERAL');
    everyChannel = await open('');
    expect(general.status).toBe(200);
    expect(general.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    const started = await atlas.api.post('/api/sync', { channel_id: 'C0GENERAL' });
    firstJob = started.body.job_id;

    const finished = await general.waitFor((e) => e.event === 'finished', 60_000, 'the finished event');
    // The channel had never synced: the stream had no status to start with, and shows only this job.
    expect(general.events.every((e) => e.data.job_id === firstJob && e.data.channel_id === 'C0GENERAL')).toBe(true);
    expect(finished.data).toEqual(await statusOf('C0GENERAL', firstJob));
    expect(finished.data).toMatchObject({
      status: 'completed',
      progress: { total_messages: 120, processed_messages: 120, failing_messages: 0, percentage: 100 },
      current_stage: null,
    });
    expect(general.events.at(-1)).toBe(finished);

    const stages = of(general, 'stage');
    expect(stages.map((e) => e.data.stage)).toEqual(STAGES);
    expect(stages.map((e) => e.data.previous_stage)).toEqual([null, ...STAGES.slice(0, 3)]);
    const statuses = of(general, 'status').map((e) => e.data);
    expect(statuses.length).toBeGreaterThan(0);
    for (const [i, status] of statuses.entries()) {
      expect(Object.keys(status).sort()).toEqual(Object.keys(finished.data).sort());
      if (i === 0) continue;
      expect(status.progress.processed_messages).toBeGreaterThanOrEqual(statuses[i - 1].progress.processed_messages);
      expect(status.progress.percentage).toBeGreaterThanOrEqual(statuses[i - 1].progress.percentage);
    }
    const ids = general.events.map((e) => Number(e.id));
    expect(ids.every((id, i) => Number.isInteger(id) && (i === 0 || id >= ids[i - 1]))).toBe(true);
  });

  it('resumes from a Last-Event-ID (header or parameter) with only what came after it', async () => {
    const building = of(general, 'stage').find((e) => e.data.stage === 'building_graph')!;
    const after = Number(building.id);
    for (const resumed of [
      await open('?channel_id=C0GENERAL', { ...AUTH, 'last-event-id': String(after) }),
      await open(`?channel_id=C0GENERAL&last_event_id=${after}`),
    ]) {
      const finished = await resumed.waitFor((e) => e.event === 'finished', 30_000, 'the finished event');
      expect(finished.data).toEqual(await statusOf('C0GENERAL', firstJob));
      expect(of(resumed, 'stage').map((e) => e.data.stage)).toEqual(['building_graph', 'generating_wiki']);
      expect(resumed.events.every((e) => Number(e.id) >= after)).toBe(true);
      resumed.close();
    }

    // From the last id there is nothing new: the stream only beats.
    const fromEnd = await open('?channel_id=C0GENERAL', {
      ...AUTH,
      'last-event-id': general.events.at(-1)!.id!,
    });
    await eventually(async () => (fromEnd.comments >= 3 ? true : undefined), 10_000, 'two heartbeats');
    expect(fromEnd.events).toEqual([]);
  });

  it('starts a new stream with the current status: a job that ended is sent as finished at once', async () => {
    const byJob = await open(`?job_id=${firstJob}`);
    const first = await byJob.waitFor(() => true, 10_000, 'the snapshot');
    expect(first).toMatchObject({ event: 'finished', data: await statusOf('C0GENERAL', firstJob) });
    const byChannel = await open('?channel_id=C0GENERAL');
    expect((await byChannel.waitFor(() => true, 10_000, 'the snapshot')).data.job_id).toBe(firstJob);
  });

  it('starts a stream opened mid-job with the job as it is, then its changes', async () => {
    const started = await atlas.api.post('/api/sync', { channel_id: 'C0GENERAL', force: true });
    const jobId = started.body.job_id;
    const byJob = await open(`?job_id=${jobId}&channel_id=C0GENERAL`);
    const finished = await byJob.waitFor((e) => e.event === 'finished', 60_000, 'the finished event');
    const [first] = byJob.events;
    expect(['status', 'finished']).toContain(first.event);
    expect(first.data.job_id).toBe(jobId);
    expect(finished.data).toMatchObject({
      status: 'completed',
      progress: { processed_messages: 120, percentage: 100 },
    });
    expect(byJob.events.every((e) => e.data.job_id === jobId)).toBe(true);
  });

  it('streams every channel on one stream: both channels show, and a channel stream shows only its own', async () => {
    const started = await atlas.api.post('/api/sync', { channel_id: 'C0RANDOM' });
    const randomJob = started.body.job_id;
    const done = await everyChannel.waitFor(
      (e) => e.event === 'finished' && e.data.job_id === randomJob,
      60_000,
      'the end of the C0RANDOM job',
    );
    expect(done.data).toMatchObject({ channel_id: 'C0RANDOM', status: 'completed', progress: { total_messages: 30 } });
    expect(of(everyChannel, 'finished', firstJob)).toHaveLength(1);
    expect(of(everyChannel, 'stage', randomJob).map((e) => e.data.stage)).toEqual(STAGES);
    expect(new Set(everyChannel.events.map((e) => e.data.channel_id))).toEqual(new Set(['C0GENERAL', 'C0RANDOM']));
    expect(general.events.some((e) => e.data.channel_id !== 'C0GENERAL')).toBe(false);
  });

  it('opens with a short-lived token for EventSource; expired, forged and misplaced tokens are refused', async () => {
    const issued = await atlas.api.post('/api/sync/events/token');
    expect(issued.status).toBe(201);
    expect(issued.body).toEqual({ token: expect.any(String), expires_at: expect.stringMatching(/Z$/) });
    const ttl = Date.parse(issued.body.expires_at) - Date.now();
    expect(ttl).toBeGreaterThan(250_000);
    expect(ttl).toBeLessThanOrEqual(300_000);
    expect(issued.body.token).not.toContain(TEST_API_KEY);

    const withToken = await open(`?channel_id=C0RANDOM&token=${encodeURIComponent(issued.body.token)}`, {});
    expect(withToken.status).toBe(200);
    expect((await withToken.waitFor(() => true, 10_000, 'the snapshot')).data.channel_id).toBe('C0RANDOM');

    const serverKey = tokenSigningKey(Buffer.from(atlas.env.ATLAS_SECRET_KEY!, 'hex'));
    const keyId = JSON.parse(Buffer.from(issued.body.token.split('.')[0], 'base64url').toString()).key;
    const expired = signToken(serverKey, {
      scope: SYNC_EVENTS_SCOPE,
      key: keyId,
      exp: Math.floor(Date.now() / 1000) - 1,
    });
    const forged = signToken(tokenSigningKey(randomBytes(32)), {
      scope: SYNC_EVENTS_SCOPE,
      key: keyId,
      exp: Math.floor(Date.now() / 1000) + 60,
    });
    for (const [token, reason] of [
      [expired, 'expired'],
      [forged, 'invalid'],
      [TEST_API_KEY, 'invalid'],
    ]) {
      const refused = await open(`?token=${encodeURIComponent(token)}`, {});
      expect(refused.status).toBe(401);
      expect(refused.body).toEqual({
        error: { code: 'UNAUTHORIZED', message: expect.any(String), details: { reason } },
      });
    }

    // A token opens the event stream and nothing else.
    const elsewhere = await atlas.api
      .withKey(null)
      .get(`/api/sync/status?channel_id=C0RANDOM&token=${encodeURIComponent(issued.body.token)}`);
    expect(elsewhere.status).toBe(401);
    expect((await atlas.api.withKey(null).post('/api/sync/events/token')).status).toBe(401);
  });

  it('refuses a key more streams than ATLAS_SSE_MAX_STREAMS_PER_KEY, and admits it again once one closes', async () => {
    // Two streams of this key are open since the first sync: two more fit.
    const third = await open('?channel_id=C0RANDOM');
    const fourth = await open('?channel_id=C0RANDOM');
    expect([third.status, fourth.status]).toEqual([200, 200]);
    const fifth = await open('?channel_id=C0RANDOM');
    expect(fifth.status).toBe(429);
    expect(fifth.body).toEqual({
      error: { code: 'TOO_MANY_STREAMS', message: expect.any(String), details: { limit: 4 } },
    });
    third.close();
    await eventually(
      async () => {
        const again = await open('?channel_id=C0RANDOM');
        return again.status === 200 ? true : undefined;
      },
      10_000,
      'a stream to be admitted again',
    );
  });

  it("drops the stream's consumer of the log when the client goes away", async () => {
    const jsm = atlas.service.runtime.jsm;
    const readersOfRandom = async () => {
      let count = 0;
      for await (const info of jsm.consumers.list(STREAM_NAME)) {
        if (info.config.filter_subject === channelSubject('C0RANDOM') && info.config.headers_only) count += 1;
      }
      return count;
    };
    const count = (expected: number, what: string) =>
      eventually(async () => ((await readersOfRandom()) === expected ? true : undefined), 10_000, what);
    // The streams of C0RANDOM the earlier tests opened are closed: their consumers went with them.
    await count(0, 'the earlier streams to let go of their consumers');
    const client = await open('?channel_id=C0RANDOM');
    await client.waitFor(() => true, 10_000, 'the snapshot');
    await count(1, 'the stream to read the log');
    client.close();
    await count(0, 'the consumer to go');
  });

  it('shows a rate-limit wait as it begins, with the platform and the seconds to wait ("waiting 6 s for Slack")', async () => {
    const emulator = await startSlackWorkspace();
    try {
      seedChannel(emulator.workspace, 'C9WAIT', { topLevel: 12 });
      await connectSlack(atlas.api, emulator);
      const stream = await open('?channel_id=C9WAIT');
      // The sync's first call is refused with a Retry-After long enough to be shown on the job.
      emulator.injectFault(ANY_METHOD, { times: 1, retryAfterSeconds: 6 });
      const started = await atlas.api.post('/api/sync', { channel_id: 'C9WAIT' });
      const waiting = await stream.waitFor((e) => e.event === 'waiting', 30_000, 'the wait');
      expect(waiting.data).toMatchObject({
        job_id: started.body.job_id,
        channel_id: 'C9WAIT',
        stage: 'fetching_messages',
        platform: 'slack',
        reason: 'throttle',
        attempt: 1,
        error: { code: 'RATE_LIMIT' },
      });
      expect(waiting.data.wait_seconds).toBeGreaterThanOrEqual(5);
      expect(waiting.data.wait_seconds).toBeLessThanOrEqual(7);
      const finished = await stream.waitFor((e) => e.event === 'finished', 60_000, 'the finished event');
      expect(finished.data).toMatchObject({ status: 'completed', error: null, progress: { total_messages: 12 } });
      // The wait came while the job was fetching, before any later stage.
      const order = stream.events.filter((e) => e.event !== 'status').map((e) => e.data.stage ?? e.event);
      expect(order).toEqual(['fetching_messages', 'fetching_messages', ...STAGES.slice(1), 'finished']);
    } finally {
      await emulator.stop();
    }
  });
});
