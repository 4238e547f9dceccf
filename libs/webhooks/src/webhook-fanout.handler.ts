import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { ALL_WEBHOOKS_SUBJECT, createEvent, WEBHOOK_EVENT_TYPES } from '@atlas/events';
import type { AtlasEvent, EventDataOf, WebhookEventType } from '@atlas/events';
import { EventStore, JetStreamEventContext, OnEvent } from '@atlas/messaging';
import { WORKER } from '@atlas/runtime';
import { webhookDeliveryId } from './delivery-id';

export const WEBHOOKS_PRODUCER = 'webhooks';

/**
 * Turns each event a webhook subscribes to into one delivery request per subscribed webhook
 * (WebhookDeliveryRequested), which the delivery worker then sends and retries on its own. Subscribers are read
 * from the log, as registered before the event: a webhook added later does not get earlier events, one deleted
 * gets nothing more. A redelivered event appends the same requests again under the same ids, which
 * JetStream drops as duplicates.
 */
@Controller()
export class WebhookFanoutHandler {
  constructor(private readonly events: EventStore) {}

  @OnEvent(WEBHOOK_EVENT_TYPES, WORKER['webhook-fanout'])
  async fanOut(@Payload() event: AtlasEvent, @Ctx() context: JetStreamEventContext): Promise<void> {
    const type = event.type as WebhookEventType;
    for (const webhook of await this.subscribersAt(context.seq, type)) {
      const request: EventDataOf<'WebhookDeliveryRequested'> = {
        delivery_id: webhookDeliveryId(webhook.webhook_id, event.metadata.event_id),
        webhook_id: webhook.webhook_id,
        event: {
          type,
          id: event.metadata.event_id,
          seq: context.seq,
          occurred_at: event.metadata.occurred_at,
          data: { ...(event.data as object) },
        },
      };
      await this.events.append(
        createEvent('WebhookDeliveryRequested', request, {
          producer: WEBHOOKS_PRODUCER,
          causationId: event.metadata.event_id,
        }),
      );
    }
  }

  /** The webhooks registered before `seq`, not deleted, that subscribe to `type`. */
  private async subscribersAt(seq: number, type: WebhookEventType): Promise<Array<EventDataOf<'WebhookRegistered'>>> {
    const found: Array<EventDataOf<'WebhookRegistered'>> = [];
    for await (const entry of this.events.read(ALL_WEBHOOKS_SUBJECT, { latestPerSubject: true })) {
      if (entry.seq > seq || entry.type !== 'WebhookRegistered') continue;
      const registered = entry.decode();
      if (registered.type === 'WebhookRegistered' && registered.data.events.includes(type)) found.push(registered.data);
    }
    return found;
  }
}
