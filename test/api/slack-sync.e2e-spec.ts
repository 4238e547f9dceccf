import { SecretBox } from '@atlas/platforms';
import { AtlasHarness, eventually, readLog, startAtlas, waitForJob } from '../support/atlas-harness';
import { SlackEmulator } from '../support/slack-emulator';
import { connectSlack, seedChannel, startSlackWorkspace } from '../support/slack-workspace-fixture';

jest.setTimeout(120_000);

const ENDED = ['completed', 'failed', 'cancelled'];

describe('Sync API over a Slack connection (emulated Slack Web API)', () => {
  let atlas: AtlasHarness;
  const emulators: SlackEmulator[] = [];

  /** Each scenario gets a workspace of its own: its rate limits, faults and tokens touch nothing else. */
  async function slackWorkspace(): Promise<SlackEmulator> {
    const emulator = await startSlackWorkspace();
    emulators.push(emulator);
    return emulator;
  }

  beforeAll(async () => {
    atlas = await startAtlas({ env: { ATLAS_MAX_RETRY_AFTER_SECONDS: '5' } });
  });

  afterAll(async () => {
    await atlas?.close();
    await Promise.all(emulators.map((emulator) => emulator.stop()));
  });

  /** Triggers a sync and waits for the job to end, whichever way; returns its last status answer. */
  async function syncToEnd(channelId: string, force = false) {
    const started = await atlas.api.post('/api/sync', { channel_id: channelId, force });
    expect(started.status).toBe(202);
    const done = await waitForJob(atlas.api, channelId, started.body.job_id, ENDED);
    return { jobId: started.body.job_id as string, done };
  }

  async function historyEntry(channelId: string, jobId: string) {
    const { status, body } = await atlas.api.get(`/api/sync/history?channel_id=${channelId}&limit=50`);
    expect(status).toBe(200);
    const entry = body.history.find((h: any) => h.job_id === jobId);
    expect(entry).toBeDefined();
    return entry;
  }

  async function eventsOfJob(jobId: string) {
    const log = await readLog(atlas.service.runtime.events);
    return log.filter((e) => (e.event.data as any).job_id === jobId).map((e) => e.event as any);
  }

  describe('connections', () => {
    it('refuses a token Slack rejects: 400 AUTH_ERROR in the error envelope, and nothing enters the log', async () => {
      const emulator = await slackWorkspace();
      seedChannel(emulator.workspace, 'C1REFUSED', { topLevel: 3 });
      const badToken = 'xoxb-revoked-or-mistyped-7c1e44';
      const before = await atlas.service.runtime.events.lastSequence();

      const { status, body } = await atlas.api.post('/api/connections', {
        name: 'Bad token',
        platform: 'slack',
        config: { base_url: emulator.url },
        credentials: { token: badToken },
      });

      expect(status).toBe(400);
      expect(body).toEqual({
        error: { code: 'AUTH_ERROR', message: expect.any(String), details: expect.any(Object) },
      });
      expect(JSON.stringify(body)).not.toContain(badToken);
      // Slack really was asked, with that token, and said no.
      expect(emulator.calls.map((c) => [c.method, c.token, c.error])).toEqual([
        ['conversations.list', badToken, 'invalid_auth'],
      ]);
      expect(await atlas.service.runtime.events.lastSequence()).toBe(before);
      const channels = await atlas.api.get('/api/channels');
      expect(channels.body.channels.map((c: any) => c.channel_id)).not.toContain('C1REFUSED');
      const connections = await atlas.api.get('/api/connections');
      expect(connections.body.connections.map((c: any) => c.name)).not.toContain('Bad token');
    });

    it('lists the channels of a good connection; the token is in no answer, no event and no read model', async () => {
      const emulator = await slackWorkspace();
      const token = 'xoxb-e2e-secret-token-5d2f9a41c0';
      emulator.validTokens.add(token);
      seedChannel(emulator.workspace, 'C2GENERAL', { topLevel: 2, name: 'general' });
      emulator.workspace.addChannel({ id: 'C2LEADS', name: 'leads', isPrivate: true, topic: 'Team leads' });
      emulator.workspace.addChannel({ id: 'C2OLD', name: 'old-project', isArchived: true });

      const created = await connectSlack(atlas.api, emulator, { name: 'Acme Slack', token });

      const connectionId = created.connection_id;
      expect(created).toMatchObject({
        connection_id: expect.stringMatching(/^conn_/),
        name: 'Acme Slack',
        platform: 'slack',
        config: { base_url: emulator.url },
        has_credentials: true,
        channels_skipped: [],
      });
      const listed = await atlas.api.get('/api/channels');
      expect(listed.status).toBe(200);
      expect(listed.body.channels.filter((c: any) => c.connection_id === connectionId)).toEqual([
        { channel_id: 'C2GENERAL', name: 'general', connection_id: connectionId, platform: 'slack', last_sync: null },
        { channel_id: 'C2LEADS', name: 'leads', connection_id: connectionId, platform: 'slack', last_sync: null },
      ]);

      const answers = [
        created,
        (await atlas.api.get('/api/connections')).body,
        (await atlas.api.get(`/api/connections/${connectionId}`)).body,
        listed.body,
      ];
      expect(answers[1].connections.map((c: any) => c.connection_id)).toContain(connectionId);
      expect(answers[2].connection_id).toBe(connectionId);
      for (const answer of answers) expect(JSON.stringify(answer)).not.toContain(token);

      // Every message of the log, raw bytes and headers, not only what decoding keeps.
      const { jsm } = atlas.service.runtime as any;
      const stream = atlas.service.runtime.events.streamName;
      const last = await atlas.service.runtime.events.lastSequence();
      const leaking: number[] = [];
      for (let seq = 1; seq <= last; seq += 1) {
        const stored = await jsm.streams.getMessage(stream, { seq }).catch(() => null);
        if (!stored) continue;
        const raw = Buffer.from(stored.data).toString('utf8') + JSON.stringify(stored.header ?? {});
        if (raw.includes(token)) leaking.push(seq);
      }
      expect(last).toBeGreaterThan(0);
      expect(leaking).toEqual([]);

      // What the log holds instead: AES-256-GCM ciphertext that the service's key opens to the token.
      const log = await readLog(atlas.service.runtime.events);
      const createdEvent = log
        .map((e) => e.event as any)
        .find((e) => e.type === 'ConnectionCreated' && e.data.connection_id === connectionId);
      expect(createdEvent.data.credentials).toEqual({
        alg: 'aes-256-gcm',
        key_id: expect.stringMatching(/^[0-9a-f]{16}$/),
        iv: expect.any(String),
        tag: expect.any(String),
        ciphertext: expect.any(String),
      });
      const box = new SecretBox(Buffer.from(atlas.env.ATLAS_SECRET_KEY ?? '', 'hex'));
      expect(box.open(createdEvent.data.credentials)).toEqual({ token });

      const connectionDocs = await atlas.service.runtime.store.find('connections', {});
      expect(JSON.stringify(connectionDocs)).not.toContain(token);
    });
  });

  describe('a full sync, then an incremental one, of a long channel with threads', () => {
    let emulator: SlackEmulator;
    // 260 top-level messages: two history pages (200 + 60). Threads on both pages, one of 205 replies
    // (two reply pages) and one whose first reply is also broadcast to the channel.
    const LONG_THREAD = 240;
    let seeded: ReturnType<typeof seedChannel>;

    beforeAll(async () => {
      emulator = await slackWorkspace();
      seeded = seedChannel(emulator.workspace, 'C3LONG', {
        topLevel: 260,
        threads: { 10: 3, 150: 4, [LONG_THREAD]: 205 },
        broadcast: [150],
      });
      await connectSlack(atlas.api, emulator);
    });

    it('syncs every page and every thread: counts match, facts are extracted, replies keep their parent', async () => {
      expect(seeded.total).toBe(260 + 3 + 4 + 205);
      emulator.clearCalls();

      const { jobId, done } = await syncToEnd('C3LONG');

      expect(done).toMatchObject({
        status: 'completed',
        error: null,
        current_stage: null,
        progress: {
          total_messages: seeded.total,
          processed_messages: seeded.total,
          failing_messages: 0,
          percentage: 100,
        },
      });
      // The product really paged: history and the long thread were each read with a cursor.
      const history = emulator.callsTo('conversations.history').filter((c) => c.status === 200 && !c.error);
      expect(history.length).toBeGreaterThanOrEqual(2);
      expect(history.some((c) => c.params.cursor)).toBe(true);
      const longParent = seeded.topLevel[LONG_THREAD];
      expect(emulator.callsTo('conversations.replies').some((c) => c.params.ts === longParent && c.params.cursor)).toBe(
        true,
      );

      const entry = await historyEntry('C3LONG', jobId);
      expect(entry).toMatchObject({ status: 'completed', messages_synced: seeded.total, error: null });
      expect(entry.facts_extracted).toBeGreaterThan(0);

      const store = atlas.service.runtime.store;
      const messages = await store.find<any>('messages', { where: { channel_id: 'C3LONG' } });
      expect(messages).toHaveLength(seeded.total);
      const byId = new Map(messages.map((m) => [m.message_id, m]));
      expect(byId.size).toBe(seeded.total);
      for (const ts of seeded.topLevel) {
        expect(byId.get(ts)).toMatchObject({ thread_parent_id: null });
      }
      const replyIds = new Set<string>();
      for (const [parent, replies] of seeded.replies) {
        expect(byId.get(parent)).toMatchObject({ thread_parent_id: null, reply_count: replies.length });
        for (const reply of replies) {
          replyIds.add(reply);
          expect({ reply, ...byId.get(reply) }).toMatchObject({ reply, thread_parent_id: parent });
        }
      }
      expect(replyIds.size).toBe(212);

      const facts = await store.find<any>('facts', { where: { channel_id: 'C3LONG' } });
      expect(facts.length).toBeGreaterThan(0);
      expect(facts.some((fact) => replyIds.has(fact.message_id))).toBe(true);
    });

    it('fetches only what was posted since, from the cursor the full sync left', async () => {
      const cursor = emulator.workspace.history('C3LONG').at(-1)!.ts;
      const before = await atlas.service.runtime.store.count('messages', { channel_id: 'C3LONG' });
      const fresh = seedChannel(emulator.workspace, 'C3LONG', { topLevel: 3, threads: { 1: 2 } });
      const [newParent] = fresh.replies.keys();
      expect(fresh.total).toBe(5);
      emulator.clearCalls();

      const { jobId, done } = await syncToEnd('C3LONG');

      expect(done.status).toBe('completed');
      expect(done.progress.total_messages).toBe(5);
      expect((await historyEntry('C3LONG', jobId)).messages_synced).toBe(5);
      const historyCalls = emulator.callsTo('conversations.history');
      expect(historyCalls.length).toBeGreaterThan(0);
      expect(historyCalls.map((c) => c.params.oldest)).toEqual(historyCalls.map(() => cursor));
      // Only the new thread is walked, not the old ones.
      expect([...new Set(emulator.callsTo('conversations.replies').map((c) => c.params.ts))]).toEqual([newParent]);

      const store = atlas.service.runtime.store;
      expect(await store.count('messages', { channel_id: 'C3LONG' })).toBe(before + 5);
      const replies = await store.find<any>('messages', {
        where: { channel_id: 'C3LONG', thread_parent_id: newParent },
      });
      expect(replies.map((m) => m.message_id).sort()).toEqual([...fresh.replies.get(newParent)!].sort());
      const fetched = (await eventsOfJob(jobId)).filter((e) => e.type === 'MessagesFetched');
      expect(fetched.flatMap((e) => e.data.messages.map((m: any) => m.id)).sort()).toEqual(
        [...fresh.topLevel, ...fresh.replies.get(newParent)!].sort(),
      );
    });
  });

  describe('rate limits', () => {
    it('waits out a Retry-After within ATLAS_MAX_RETRY_AFTER_SECONDS and completes', async () => {
      const emulator = await slackWorkspace();
      seedChannel(emulator.workspace, 'C5SLOW', { topLevel: 401 }); // three history pages
      await connectSlack(atlas.api, emulator);
      // One history call a second: the next page, asked for right after, gets 429 with Retry-After: 1.
      emulator.limitRate('conversations.history', { requests: 1, windowSeconds: 1 });

      const { jobId, done } = await syncToEnd('C5SLOW');

      expect(done).toMatchObject({ status: 'completed', error: null, progress: { total_messages: 401 } });
      const limited = emulator.callsTo('conversations.history').filter((c) => c.status === 429);
      expect(limited.length).toBeGreaterThanOrEqual(1);
      expect((await historyEntry('C5SLOW', jobId)).messages_synced).toBe(401);
      expect(await atlas.service.runtime.store.count('messages', { channel_id: 'C5SLOW' })).toBe(401);
    });

    it('shows a long wait on the running job (RATE_LIMIT, retry_after, retrying_at), gone once the fetch goes on', async () => {
      const emulator = await slackWorkspace();
      seedChannel(emulator.workspace, 'C5WAITING', { topLevel: 12 });
      await connectSlack(atlas.api, emulator);
      // Within the 5 s allowed, and long enough to be shown.
      emulator.injectFault('conversations.history', { times: 1, retryAfterSeconds: 5 });

      const started = await atlas.api.post('/api/sync', { channel_id: 'C5WAITING' });
      const jobId: string = started.body.job_id;
      const waiting = await eventually(
        async () => {
          const { body } = await atlas.api.get(`/api/sync/status?channel_id=C5WAITING&job_id=${jobId}`);
          return body.error ? body : undefined;
        },
        10_000,
        'the job to show the wait',
      );
      expect(waiting).toMatchObject({
        status: 'running',
        current_stage: 'fetching_messages',
        error: {
          code: 'RATE_LIMIT',
          message: expect.stringContaining('limiting the rate'),
          details: { retry_after: 5, attempt: 1, retrying_at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/) },
        },
      });
      const limited = emulator.callsTo('conversations.history')[0];
      expect(Date.parse(waiting.error.details.retrying_at)).toBeGreaterThanOrEqual(limited.answeredAt + 5000);

      const done = await waitForJob(atlas.api, 'C5WAITING', jobId, ENDED);
      expect(done).toMatchObject({ status: 'completed', error: null, progress: { total_messages: 12 } });
      const shown = (await eventsOfJob(jobId)).filter((e) => e.type === 'SyncStageRetrying');
      expect(shown.map((e) => [e.data.attempt, e.data.wait])).toEqual([[1, 1]]);
    });

    it('fails with RATE_LIMIT and retry_after when Slack asks to wait longer than allowed', async () => {
      const emulator = await slackWorkspace();
      seedChannel(emulator.workspace, 'C5LIMITED', { topLevel: 20 });
      await connectSlack(atlas.api, emulator);
      emulator.limitRate('conversations.history', { requests: 0, windowSeconds: 600, retryAfterSeconds: 120 });

      const { jobId, done } = await syncToEnd('C5LIMITED');

      const error = {
        code: 'RATE_LIMIT',
        message: expect.any(String),
        details: { retry_after: 120 },
      };
      expect(done).toMatchObject({ status: 'failed', current_stage: 'fetching_messages', error });
      expect(done.error.details).toEqual({ retry_after: 120 });
      const entry = await historyEntry('C5LIMITED', jobId);
      expect(entry).toMatchObject({ status: 'failed', messages_synced: 0, error });
      expect(entry.error).toEqual(done.error);
      // Not hammered: one refused call, no waiting and asking again.
      expect(emulator.callsTo('conversations.history')).toHaveLength(1);
      const types = (await eventsOfJob(jobId)).map((e) => e.type);
      expect(types).not.toContain('FetchCompleted');
      expect(types.at(-1)).toBe('SyncFailed');

      // The failed job let go of the channel: the client may retry after retry_after.
      const again = await atlas.api.post('/api/sync', { channel_id: 'C5LIMITED' });
      expect(again.status).toBe(202);
      await waitForJob(atlas.api, 'C5LIMITED', again.body.job_id, ENDED);
    });
  });

  describe('platform refusals during a sync', () => {
    it('fails with CHANNEL_NOT_FOUND when the channel was deleted on Slack, and AUTH_ERROR when the token was revoked', async () => {
      const emulator = await slackWorkspace();
      const token = 'xoxb-soon-revoked-91ab';
      emulator.validTokens.add(token);
      seedChannel(emulator.workspace, 'C6GONE', { topLevel: 5 });
      seedChannel(emulator.workspace, 'C6STAYS', { topLevel: 5 });
      await connectSlack(atlas.api, emulator, { token });

      emulator.workspace.removeChannel('C6GONE');
      const gone = await syncToEnd('C6GONE');
      expect(gone.done).toMatchObject({
        status: 'failed',
        current_stage: 'fetching_messages',
        error: { code: 'CHANNEL_NOT_FOUND', message: expect.any(String) },
      });
      expect((await historyEntry('C6GONE', gone.jobId)).error.code).toBe('CHANNEL_NOT_FOUND');
      // conversations.info, asked first for the channel's age, is the call that finds it gone.
      expect(emulator.callsTo('conversations.info').map((c) => c.error)).toEqual(['channel_not_found']);
      expect(emulator.callsTo('conversations.history')).toEqual([]);

      emulator.validTokens.delete(token);
      emulator.clearCalls();
      const revoked = await syncToEnd('C6STAYS');
      expect(revoked.done).toMatchObject({
        status: 'failed',
        current_stage: 'fetching_messages',
        error: { code: 'AUTH_ERROR', message: expect.any(String) },
      });
      expect(JSON.stringify(revoked.done)).not.toContain(token);
      expect((await historyEntry('C6STAYS', revoked.jobId)).error.code).toBe('AUTH_ERROR');
      // The token is checked first: no history is asked for with a token Slack refuses.
      expect(emulator.calls.map((c) => [c.method, c.error])).toEqual([['auth.test', 'invalid_auth']]);
    });
  });

  describe('transient platform errors', () => {
    it('retries 500/503s, resumes after the last published batch and publishes each batch once', async () => {
      const emulator = await slackWorkspace();
      // Two history pages (200 + 30); threads on both.
      const seeded = seedChannel(emulator.workspace, 'C7FLAKY', {
        topLevel: 230,
        threads: { 5: 2, 100: 3, 200: 4, 220: 2 },
      });
      await connectSlack(atlas.api, emulator);
      // Two 500s the HTTP client rides out; then more 503s on replies than it retries (after the first
      // batch was published), so the fetch stage itself fails over and resumes. Threads are fetched
      // ahead, so the 503s spread over the four threads' requests: 13 make one of them fail a fourth time.
      emulator.injectFault('conversations.history', { times: 2, status: 500 });
      emulator.injectFault('conversations.replies', { times: 13, status: 503 });

      const started = await atlas.api.post('/api/sync', { channel_id: 'C7FLAKY' });
      expect(started.status).toBe(202);
      const jobId: string = started.body.job_id;
      // While Slack is failing (the first page is published by then), people go on posting. The fetch
      // must resume on the page it had, not restart on a shifted one: that would lose these messages.
      await eventually(
        async () => (emulator.callsTo('conversations.replies').some((c) => c.status === 503) ? true : undefined),
        30_000,
        'the first 503',
      );
      const postedMeanwhile = seedChannel(emulator.workspace, 'C7FLAKY', { topLevel: 3 }).topLevel;
      const done = await waitForJob(atlas.api, 'C7FLAKY', jobId, ENDED);

      expect(done).toMatchObject({ status: 'completed', error: null, progress: { total_messages: seeded.total } });
      expect(emulator.callsTo('conversations.history').filter((c) => c.status === 500)).toHaveLength(2);
      expect(emulator.callsTo('conversations.replies').filter((c) => c.status === 503).length).toBeGreaterThanOrEqual(
        4,
      );
      // A second delivery of the fetch stage built a new connector (auth.test again).
      expect(emulator.callsTo('auth.test').length).toBeGreaterThanOrEqual(2);

      const events = await eventsOfJob(jobId);
      const fetched = events.filter((e) => e.type === 'MessagesFetched');
      const batches = fetched.map((e) => e.data.batch);
      expect(batches).toEqual(batches.map((_, i) => i + 1));
      expect(batches.length).toBeGreaterThan(1);
      const completed = events.filter((e) => e.type === 'FetchCompleted');
      expect(completed).toHaveLength(1);
      expect(completed[0].data).toMatchObject({ batches: batches.length, messages: seeded.total });
      const ids = fetched.flatMap((e) => e.data.messages.map((m: any) => m.id));
      expect(ids).toHaveLength(seeded.total);
      expect(new Set(ids)).toEqual(new Set([...seeded.topLevel, ...[...seeded.replies.values()].flat()]));
      expect((await historyEntry('C7FLAKY', jobId)).messages_synced).toBe(seeded.total);
      expect(await atlas.service.runtime.store.count('messages', { channel_id: 'C7FLAKY' })).toBe(seeded.total);

      // Nothing was lost: the next sync fetches exactly what was posted during the outage.
      const next = await syncToEnd('C7FLAKY');
      expect(next.done).toMatchObject({ status: 'completed', progress: { total_messages: 3 } });
      const nextIds = (await eventsOfJob(next.jobId))
        .filter((e) => e.type === 'MessagesFetched')
        .flatMap((e) => e.data.messages.map((m: any) => m.id));
      expect(nextIds.sort()).toEqual([...postedMeanwhile].sort());
    });
  });

  describe('deleting a connection', () => {
    it('removes its channels; syncing one of them then answers 404 CHANNEL_NOT_FOUND', async () => {
      const emulator = await slackWorkspace();
      seedChannel(emulator.workspace, 'C8ALPHA', { topLevel: 12, name: 'alpha' });
      seedChannel(emulator.workspace, 'C8BETA', { topLevel: 4, name: 'beta' });
      const { connection_id: connectionId } = await connectSlack(atlas.api, emulator);
      const synced = await syncToEnd('C8ALPHA');
      expect(synced.done.status).toBe('completed');
      const facts = await atlas.service.runtime.store.count('facts', { channel_id: 'C8ALPHA' });
      expect(facts).toBeGreaterThan(0);

      const deleted = await atlas.api.delete(`/api/connections/${connectionId}`);

      expect(deleted).toEqual({
        status: 200,
        body: { connection_id: connectionId, deleted: true, channels_removed: ['C8ALPHA', 'C8BETA'] },
      });
      const channels = await atlas.api.get('/api/channels');
      const ids = channels.body.channels.map((c: any) => c.channel_id);
      expect(ids).not.toContain('C8ALPHA');
      expect(ids).not.toContain('C8BETA');
      expect(channels.body.channels.some((c: any) => c.connection_id === connectionId)).toBe(false);
      const connections = await atlas.api.get('/api/connections');
      expect(connections.body.connections.map((c: any) => c.connection_id)).not.toContain(connectionId);
      expect((await atlas.api.get(`/api/connections/${connectionId}`)).status).toBe(404);

      for (const channelId of ['C8ALPHA', 'C8BETA']) {
        const { status, body } = await atlas.api.post('/api/sync', { channel_id: channelId });
        expect({ channelId, status, body }).toEqual({
          channelId,
          status: 404,
          body: {
            error: { code: 'CHANNEL_NOT_FOUND', message: expect.any(String), details: { channel_id: channelId } },
          },
        });
      }
      // The knowledge already extracted stays.
      expect(await atlas.service.runtime.store.count('facts', { channel_id: 'C8ALPHA' })).toBe(facts);
    });

    it('cancels a sync of the connection that is running when it is deleted', async () => {
      const emulator = await slackWorkspace();
      seedChannel(emulator.workspace, 'C8BUSY', { topLevel: 10 });
      const { connection_id: connectionId } = await connectSlack(atlas.api, emulator);
      // Slack keeps asking for 4 s at a time (within the 5 s allowed): the fetch waits, the job runs.
      emulator.limitRate('conversations.history', { requests: 0, windowSeconds: 600, retryAfterSeconds: 4 });
      const started = await atlas.api.post('/api/sync', { channel_id: 'C8BUSY' });
      expect(started.status).toBe(202);
      await eventually(
        async () => (emulator.callsTo('conversations.history').some((c) => c.status === 429) ? true : undefined),
        30_000,
        'the fetcher to hit the rate limit',
      );

      const deleted = await atlas.api.delete(`/api/connections/${connectionId}`);

      expect(deleted.status).toBe(200);
      expect(deleted.body.channels_removed).toEqual(['C8BUSY']);
      const types = (await eventsOfJob(started.body.job_id)).map((e) => e.type);
      expect(types.slice(-2)).toEqual(['SyncCancelRequested', 'SyncCancelled']);
      const history = await atlas.api.get('/api/sync/history?channel_id=C8BUSY');
      expect(history.body.history[0]).toMatchObject({ job_id: started.body.job_id, status: 'cancelled' });
      expect((await atlas.api.post('/api/sync', { channel_id: 'C8BUSY' })).status).toBe(404);
    });
  });
});
