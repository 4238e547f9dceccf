import { join } from 'node:path';
import { AtlasEvent, createEvent, EventDataOf } from '@atlas/events';
import { Projector, WebhookDeliveryDoc, WebhookDoc, WebhooksQueries } from '@atlas/read-models';
import { SqliteStore } from '@atlas/store';
import { tempDir } from '../support/temp-dir';

const meta = { producer: 'test' };
const registered = (webhook_id: string) =>
  createEvent(
    'WebhookRegistered',
    { webhook_id, url: 'https://hooks.example.com/a', events: ['SyncCompleted'], secret: null },
    meta,
  );
const requested = (webhook_id: string, delivery_id: string, eventSeq: number) =>
  createEvent(
    'WebhookDeliveryRequested',
    {
      delivery_id,
      webhook_id,
      event: {
        type: 'SyncCompleted',
        id: `ev-${eventSeq}`,
        seq: eventSeq,
        occurred_at: '2026-12-07T20:00:00.000Z',
        data: { job_id: 'sync_1', channel_id: 'C1' },
      },
    },
    meta,
  );
const attempted = (
  webhook_id: string,
  delivery_id: string,
  attempt: number,
  outcome: EventDataOf<'WebhookDeliveryAttempted'>['outcome'],
) =>
  createEvent(
    'WebhookDeliveryAttempted',
    {
      delivery_id,
      webhook_id,
      attempt,
      outcome,
      status_code: outcome === 'delivered' ? 200 : 500,
      error: outcome === 'delivered' ? null : 'the receiver answered 500',
      attempted_at: `2026-12-07T20:00:0${attempt}.000Z`,
      next_attempt_at: outcome === 'retrying' ? `2026-12-07T20:00:1${attempt}.000Z` : null,
    },
    meta,
  );

/** The webhooks projection on a real SQLite store: registrations, each delivery's attempts, deletion. */
describe('webhooks projection', () => {
  const dir = tempDir('webhooks-projection');
  let store: SqliteStore;
  let seq = 0;
  const apply = async (...events: AtlasEvent[]) => {
    const projector = new Projector(store);
    for (const event of events) await projector.apply({ seq: ++seq, subject: 'atlas.webhook.x', event });
  };
  const delivery = (id: string) => store.get<WebhookDeliveryDoc>('webhook_deliveries', id);

  beforeAll(() => {
    store = SqliteStore.open(join(dir.path, 'read-models.db'));
  });
  afterAll(async () => {
    await store.close();
    dir.remove();
  });

  it('shows a webhook without its secret, a delivery pending, then each attempt and the latest outcome', async () => {
    await apply(registered('wh_a'), requested('wh_a', 'whd_1', 10));
    expect(await store.get<WebhookDoc>('webhooks', 'wh_a')).toMatchObject({
      has_secret: false,
      events: ['SyncCompleted'],
    });
    expect(await delivery('whd_1')).toMatchObject({ status: 'pending', attempts: [], job_id: 'sync_1' });
    await apply(attempted('wh_a', 'whd_1', 1, 'retrying'));
    expect(await delivery('whd_1')).toMatchObject({ status: 'retrying', next_attempt_at: '2026-12-07T20:00:11.000Z' });
    await apply(attempted('wh_a', 'whd_1', 2, 'delivered'));
    const done = await delivery('whd_1');
    expect(done).toMatchObject({ status: 'delivered', next_attempt_at: null });
    expect(done!.attempts.map((a) => [a.attempt, a.outcome])).toEqual([
      [1, 'retrying'],
      [2, 'delivered'],
    ]);
  });

  it('keeps the latest outcome when an earlier attempt is recorded late, and an attempt recorded twice once', async () => {
    await apply(requested('wh_a', 'whd_2', 11), attempted('wh_a', 'whd_2', 3, 'delivered'));
    await apply(attempted('wh_a', 'whd_2', 1, 'retrying'), attempted('wh_a', 'whd_2', 3, 'delivered'));
    const doc = await delivery('whd_2');
    expect(doc!.status).toBe('delivered');
    expect(doc!.attempts.map((a) => a.attempt)).toEqual([1, 3]);
  });

  it('pages a delivery log newest event first', async () => {
    const queries = new WebhooksQueries(store);
    const first = await queries.deliveries('wh_a', { before: null, limit: 1 });
    expect(first.items.map((d) => d.delivery_id)).toEqual(['whd_2']);
    const second = await queries.deliveries('wh_a', { before: first.next_before, limit: 1 });
    expect(second).toEqual({ items: [expect.objectContaining({ delivery_id: 'whd_1' })], next_before: null });
  });

  it('deletes a webhook with its log, and ignores a request appended after the deletion', async () => {
    await apply(createEvent('WebhookDeleted', { webhook_id: 'wh_a' }, meta), requested('wh_a', 'whd_3', 12));
    expect(await store.get('webhooks', 'wh_a')).toBeNull();
    expect(await store.count('webhook_deliveries', { webhook_id: 'wh_a' })).toBe(0);
  });
});
