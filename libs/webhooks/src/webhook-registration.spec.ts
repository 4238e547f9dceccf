import { createEvent, EventDataOf } from '@atlas/events';
import { decideDeletion, decideRegistration, evolveWebhook, NO_WEBHOOK } from './webhook-registration';
import { webhookDeliveryId } from './delivery-id';

const registration: EventDataOf<'WebhookRegistered'> = {
  webhook_id: 'wh_1',
  url: 'https://hooks.example.com/atlas',
  events: ['SyncCompleted'],
  secret: null,
};

describe('a webhook registration', () => {
  it('registers a new webhook on condition that its subject is still empty', () => {
    expect(decideRegistration(NO_WEBHOOK, registration)).toEqual({ data: registration, expectedLastSubjectSeq: 0 });
  });

  it('is registered after WebhookRegistered and deleted after WebhookDeleted', () => {
    const registered = evolveWebhook(NO_WEBHOOK, createEvent('WebhookRegistered', registration, { producer: 't' }), 7);
    expect(registered).toEqual({ status: 'registered', registration, seq: 7 });
    const deleted = evolveWebhook(
      registered,
      createEvent('WebhookDeleted', { webhook_id: 'wh_1' }, { producer: 't' }),
      9,
    );
    expect(deleted).toEqual({ status: 'deleted', seq: 9 });
  });

  it('refuses to register an id twice', () => {
    const registered = { status: 'registered' as const, registration, seq: 7 };
    expect(() => decideRegistration(registered, registration)).toThrow(
      expect.objectContaining({ code: 'WEBHOOK_EXISTS', status: 409 }),
    );
    expect(() => decideRegistration({ status: 'deleted', seq: 9 }, registration)).toThrow(
      expect.objectContaining({ code: 'WEBHOOK_EXISTS' }),
    );
  });

  it('deletes a registered webhook at the sequence it was read at, and nothing else', () => {
    expect(decideDeletion({ status: 'registered', registration, seq: 7 }, 'wh_1')).toEqual({
      data: { webhook_id: 'wh_1' },
      expectedLastSubjectSeq: 7,
    });
    for (const state of [NO_WEBHOOK, { status: 'deleted' as const, seq: 9 }]) {
      expect(() => decideDeletion(state, 'wh_1')).toThrow(
        expect.objectContaining({ code: 'WEBHOOK_NOT_FOUND', status: 404 }),
      );
    }
  });
});

describe('a delivery id', () => {
  it('is the same for the same webhook and event, and differs otherwise', () => {
    expect(webhookDeliveryId('wh_1', 'ev-1')).toBe(webhookDeliveryId('wh_1', 'ev-1'));
    expect(webhookDeliveryId('wh_1', 'ev-1')).toMatch(/^whd_[0-9a-f]{32}$/);
    expect(webhookDeliveryId('wh_1', 'ev-2')).not.toBe(webhookDeliveryId('wh_1', 'ev-1'));
    expect(webhookDeliveryId('wh_2', 'ev-1')).not.toBe(webhookDeliveryId('wh_1', 'ev-1'));
  });
});
