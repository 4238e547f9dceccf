import { join } from 'node:path';
import { RunningService, startService } from '@atlas/bootstrap';
import { loadConfig, resolveSecrets } from '@atlas/config';
import { WEBHOOK_EVENT_TYPES } from '@atlas/events';
import { rebuildReadModels } from '@atlas/read-models';
import { createRuntime } from '@atlas/runtime';
import type { ReadModelStore } from '@atlas/store';
import { webhookDeliveryId } from '@atlas/webhooks';
import { AtlasHarness, connectExport, eventually, readLog, startAtlas, waitForJob } from '../support/atlas-harness';
import { generatedChannel, writeSlackExport } from '../support/slack-export-fixture';
import { WebhookReceiver } from '../support/webhook-receiver';

jest.setTimeout(180_000);

const SECRET = 'whsec-test-0123456789abcdef';
const RETRY_BASE_MS = 300;
const SUBSCRIBED = ['SyncStarted', 'WikiGenerated', 'SyncCompleted'];

async function webhookDocuments(store: ReadModelStore) {
  const read = (collection: string) => store.find<{ id: string }>(collection, { orderBy: [['id', 'asc']] });
  return { webhooks: await read('webhooks'), webhook_deliveries: await read('webhook_deliveries') };
}

/**
 * Webhooks against the running product: registration checked like every input and kept in the log; each
 * subscribed event delivered, signed, retried after a 500 under the same delivery id, and none lost while the
 * product is stopped with deliveries pending and the receiver down.
 */
describe('webhooks', () => {
  let atlas: AtlasHarness;
  let restarted: RunningService | null = null;
  const receiver = new WebhookReceiver(SECRET);
  let hook: any;

  beforeAll(async () => {
    await receiver.start();
    atlas = await startAtlas({
      env: {
        // Loopback by address only: the receiver's 127.0.0.1 is allowed, localhost and private networks are not.
        ATLAS_ALLOW_PRIVATE_PLATFORM_URLS: 'false',
        ATLAS_ALLOWED_PLATFORM_HOSTS: '127.0.0.1',
        ATLAS_WEBHOOK_RETRY_BASE_MS: String(RETRY_BASE_MS),
        ATLAS_WEBHOOK_RETRY_MAX_MS: '2000',
        ATLAS_WEBHOOK_MAX_ATTEMPTS: '40',
        ATLAS_WEBHOOK_TIMEOUT_MS: '5000',
      },
    });
    writeSlackExport(join(atlas.importDir, 'acme'), [generatedChannel('C0HOOKS', 'hooks', 20)]);
    await connectExport(atlas.api, 'acme');
  });

  afterAll(async () => {
    await restarted?.close();
    await atlas?.close();
    await receiver.stop();
  });

  it.each([
    ['a URL that is not one', { url: 'not a url', events: ['SyncCompleted'] }, 'url must be an https:// URL'],
    ['another scheme', { url: 'ftp://127.0.0.1/hook', events: ['SyncCompleted'] }, 'url must be an https:// URL'],
    ['a private address', { url: 'http://10.0.0.5/hook', events: ['SyncCompleted'] }, 'private-network'],
    ['localhost by name', { url: 'http://localhost:9/hook', events: ['SyncCompleted'] }, 'private-network'],
    ['a metadata address', { url: 'http://169.254.169.254/latest', events: ['SyncCompleted'] }, 'link-local'],
    ['an unknown event', { url: 'https://hooks.example.com/a', events: ['SyncExploded'] }, 'events'],
    ['an event no webhook can take', { url: 'https://hooks.example.com/a', events: ['MessagesFetched'] }, 'events'],
    ['no events', { url: 'https://hooks.example.com/a', events: [] }, 'events'],
    ['a short secret', { url: 'https://hooks.example.com/a', events: ['SyncFailed'], secret: 'short' }, 'secret'],
    ['an unknown field', { url: 'https://hooks.example.com/a', events: ['SyncFailed'], retries: 3 }, 'retries'],
  ])('refuses %s with a 400 envelope', async (_what, body, message) => {
    const { status, body: answer } = await atlas.api.post('/api/webhooks', body);
    expect(status).toBe(400);
    expect(answer.error.code).toBe('VALIDATION_ERROR');
    expect(Object.keys(answer.error).sort()).toEqual(['code', 'details', 'message']);
    expect(JSON.stringify(answer.error.details.problems)).toContain(message);
  });

  it('registered nothing for any refused request', async () => {
    expect((await atlas.api.get('/api/webhooks')).body).toEqual({ webhooks: [] });
    const log = await readLog(atlas.service.runtime.events);
    expect(log.filter(({ event }) => event.type.startsWith('Webhook'))).toEqual([]);
  });

  it('registers a webhook, shows whether it has a secret and never the secret itself', async () => {
    const { status, body } = await atlas.api.post('/api/webhooks', {
      url: `${receiver.url}/hooks/a`,
      events: SUBSCRIBED,
      secret: SECRET,
    });
    expect(status).toBe(201);
    expect(body).toEqual({
      webhook_id: expect.stringMatching(/^wh_/),
      url: `${receiver.url}/hooks/a`,
      events: SUBSCRIBED,
      has_secret: true,
      created_at: expect.any(String),
    });
    hook = body;
    const listed = await atlas.api.get('/api/webhooks');
    expect(listed.body.webhooks).toEqual([hook]);
    expect((await atlas.api.get(`/api/webhooks/${hook.webhook_id}`)).body).toEqual(hook);
    const log = await readLog(atlas.service.runtime.events);
    for (const text of [JSON.stringify(listed.body), JSON.stringify(log)]) expect(text).not.toContain(SECRET);
  });

  it('answers 404 WEBHOOK_NOT_FOUND for an unknown webhook, and a 400 for a cursor it did not hand out', async () => {
    for (const path of ['/api/webhooks/wh_404', '/api/webhooks/wh_404/deliveries']) {
      const { status, body } = await atlas.api.get(path);
      expect({ status, code: body.error.code }).toEqual({ status: 404, code: 'WEBHOOK_NOT_FOUND' });
    }
    const { status, body } = await atlas.api.get(`/api/webhooks/${hook.webhook_id}/deliveries?cursor=nope`);
    expect({ status, code: body.error.code }).toEqual({ status: 400, code: 'VALIDATION_ERROR' });
  });

  let failedOnly: any;

  it('delivers each subscribed event of a sync, signed; a 500 is retried under the same delivery id, not before the backoff', async () => {
    failedOnly = (await atlas.api.post('/api/webhooks', { url: `${receiver.url}/hooks/b`, events: ['SyncFailed'] }))
      .body;
    const { body: sync } = await atlas.api.post('/api/sync', { channel_id: 'C0HOOKS' });
    await waitForJob(atlas.api, 'C0HOOKS', sync.job_id, ['completed']);

    const deliveries = await eventually(
      async () => {
        const { body } = await atlas.api.get(`/api/webhooks/${hook.webhook_id}/deliveries`);
        const done = body.deliveries.filter((d: any) => d.job_id === sync.job_id && d.status === 'delivered');
        return done.length === SUBSCRIBED.length ? body.deliveries : undefined;
      },
      60_000,
      'the first sync delivered',
    );
    expect(deliveries.map((d: any) => d.event_type).sort()).toEqual([...SUBSCRIBED].sort());

    for (const delivery of deliveries) {
      expect(delivery).toMatchObject({ webhook_id: hook.webhook_id, channel_id: 'C0HOOKS', next_attempt_at: null });
      // Attempt numbers count deliveries of the request: one redelivered under load would skip a number.
      expect(delivery.attempts.map((a: any) => [a.outcome, a.status_code, a.error === null])).toEqual([
        ['retrying', 500, false],
        ['delivered', 200, true],
      ]);
      expect(delivery.attempts[0]).toMatchObject({ attempt: 1, error: expect.stringContaining('500') });
      expect(delivery.attempts[1].attempt).toBeGreaterThan(1);
      expect(delivery.attempts[1].next_attempt_at).toBeNull();
      const requests = receiver.received.filter((r) => r.deliveryId === delivery.delivery_id);
      expect(requests.map((r) => [r.attempt, r.answered, r.signed, r.path, r.eventType])).toEqual([
        [1, 500, true, '/hooks/a', delivery.event_type],
        [delivery.attempts[1].attempt, 200, true, '/hooks/a', delivery.event_type],
      ]);
      // The same bytes on both attempts: only the timestamp and signature headers change.
      expect(requests[1].body).toEqual(requests[0].body);
      expect(requests[0].body).toEqual({
        delivery_id: delivery.delivery_id,
        webhook_id: hook.webhook_id,
        event: {
          type: delivery.event_type,
          id: delivery.event_id,
          seq: expect.any(Number),
          occurred_at: expect.any(String),
          data: expect.objectContaining({ job_id: sync.job_id, channel_id: 'C0HOOKS' }),
        },
      });
      // Not before the backoff: the wait starts once the first answer came, after the first request arrived.
      expect(requests[1].at - requests[0].at).toBeGreaterThanOrEqual(RETRY_BASE_MS);
    }
    // The webhook for SyncFailed only was asked about the same events and took none of them.
    expect((await atlas.api.get(`/api/webhooks/${failedOnly.webhook_id}/deliveries`)).body).toEqual({
      deliveries: [],
      next_cursor: null,
    });
    expect(receiver.received.filter((r) => r.path === '/hooks/b')).toEqual([]);
  });

  it('pages the delivery log, newest event first', async () => {
    const first = await atlas.api.get(`/api/webhooks/${hook.webhook_id}/deliveries?limit=2`);
    expect(first.body.deliveries).toHaveLength(2);
    expect(first.body.next_cursor).toEqual(expect.any(String));
    const second = await atlas.api.get(
      `/api/webhooks/${hook.webhook_id}/deliveries?limit=2&cursor=${first.body.next_cursor}`,
    );
    expect(second.body).toEqual({ deliveries: [expect.anything()], next_cursor: null });
    const all = [...first.body.deliveries, ...second.body.deliveries].map((d: any) => d.event_type);
    expect(all).toEqual(['SyncCompleted', 'WikiGenerated', 'SyncStarted']);
  });

  it('loses no delivery when the product stops with deliveries pending and the receiver down', async () => {
    await receiver.stop();
    const { body: sync } = await atlas.api.post('/api/sync', { channel_id: 'C0HOOKS', force: true });
    await waitForJob(atlas.api, 'C0HOOKS', sync.job_id, ['completed']);
    // The receiver is down: the job's deliveries fail and wait for their next attempt.
    await eventually(
      async () => {
        const { body } = await atlas.api.get(`/api/webhooks/${hook.webhook_id}/deliveries`);
        const completed = body.deliveries.find(
          (d: any) => d.job_id === sync.job_id && d.event_type === 'SyncCompleted',
        );
        return completed?.status === 'retrying' ? completed : undefined;
      },
      60_000,
      'a delivery of the second sync to wait for a retry',
    );

    await atlas.stopService();
    await receiver.start();
    restarted = await startService('atlas', { env: atlas.env });

    const events = restarted.runtime.events;
    const log = await readLog(events);
    const registeredAt = log.find(
      ({ event }) => event.type === 'WebhookRegistered' && event.data.webhook_id === hook.webhook_id,
    )!.seq;
    const expected = log
      .filter(({ seq, event }) => seq > registeredAt && SUBSCRIBED.includes(event.type))
      .map(({ event }) => webhookDeliveryId(hook.webhook_id, event.metadata.event_id))
      .sort();
    expect(expected).toHaveLength(2 * SUBSCRIBED.length);

    await eventually(
      async () => {
        const delivered = new Set(receiver.received.filter((r) => r.answered === 200).map((r) => r.deliveryId));
        return expected.every((id) => delivered.has(id)) ? true : undefined;
      },
      90_000,
      'every delivery to reach the receiver after the restart',
    );
    const { body } = await atlas.api.get(`/api/webhooks/${hook.webhook_id}/deliveries`);
    expect(body.deliveries.map((d: any) => d.delivery_id).sort()).toEqual(expected);
    await eventually(
      async () => {
        const { body: now } = await atlas.api.get(`/api/webhooks/${hook.webhook_id}/deliveries`);
        return now.deliveries.every((d: any) => d.status === 'delivered') ? true : undefined;
      },
      30_000,
      'the delivery log to show every delivery delivered',
    );
    expect(receiver.received.every((r) => r.signed)).toBe(true);
    // Every delivery id reached the receiver under one id through all its attempts.
    expect(new Set(receiver.received.map((r) => r.deliveryId))).toEqual(new Set(expected));
  });

  it('deletes a webhook: it is gone, and a second delete is a 404', async () => {
    const { status, body } = await atlas.api.delete(`/api/webhooks/${failedOnly.webhook_id}`);
    expect({ status, body }).toEqual({ status: 200, body: { webhook_id: failedOnly.webhook_id, deleted: true } });
    for (const response of [
      await atlas.api.get(`/api/webhooks/${failedOnly.webhook_id}`),
      await atlas.api.delete(`/api/webhooks/${failedOnly.webhook_id}`),
    ]) {
      expect({ status: response.status, code: response.body.error.code }).toEqual({
        status: 404,
        code: 'WEBHOOK_NOT_FOUND',
      });
    }
    expect((await atlas.api.get('/api/webhooks')).body.webhooks.map((w: any) => w.webhook_id)).toEqual([
      hook.webhook_id,
    ]);
  });

  it('rebuilds the webhooks and their delivery logs from the log alone', async () => {
    const before = await webhookDocuments(restarted!.runtime.store);
    expect(before.webhooks).toHaveLength(1);
    expect(before.webhook_deliveries).toHaveLength(2 * SUBSCRIBED.length);
    await restarted!.close();
    restarted = null;
    const config = loadConfig(atlas.env);
    const runtime = await createRuntime(
      config,
      resolveSecrets(config, { generateMissing: false, needApiKeys: false, needSecretKey: false }),
      'rebuild-test',
    );
    try {
      await rebuildReadModels(runtime.store, runtime.events);
      expect(await webhookDocuments(runtime.store)).toEqual(before);
    } finally {
      await runtime.close();
    }
  });

  it('offers the job events of the catalogue that make sense to be told of', () => {
    expect([...WEBHOOK_EVENT_TYPES]).toEqual(
      expect.arrayContaining(['SyncCompleted', 'SyncFailed', 'SyncCancelled', 'WikiGenerated']),
    );
  });
});
