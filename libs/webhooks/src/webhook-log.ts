import { webhookSubject } from '@atlas/events';
import { EventStore } from '@atlas/messaging';
import { evolveWebhook, NO_WEBHOOK, WebhookState } from './webhook-registration';

/** A webhook's state from the log: the last event of its subject (never a read model, which may lag). */
export async function loadWebhook(events: EventStore, webhookId: string): Promise<WebhookState> {
  const last = await events.lastEntry(webhookSubject(webhookId));
  return last ? evolveWebhook(NO_WEBHOOK, last.decode(), last.seq) : NO_WEBHOOK;
}
