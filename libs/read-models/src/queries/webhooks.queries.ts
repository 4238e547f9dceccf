import type { ReadModelStore } from '@atlas/store';
import type { WebhookDeliveryDoc, WebhookDoc } from '../webhook-documents';

export class WebhooksQueries {
  constructor(private readonly store: ReadModelStore) {}

  get(webhookId: string): Promise<WebhookDoc | null> {
    return this.store.get<WebhookDoc>('webhooks', webhookId);
  }

  list(): Promise<WebhookDoc[]> {
    return this.store.find<WebhookDoc>('webhooks', { orderBy: [['created_at', 'asc']] });
  }

  /** A page of a webhook's deliveries, newest event first, after the keyset position `before` (exclusive). */
  async deliveries(
    webhookId: string,
    { before, limit }: { before: string | null; limit: number },
  ): Promise<{ items: WebhookDeliveryDoc[]; next_before: string | null }> {
    const found = await this.store.find<WebhookDeliveryDoc>('webhook_deliveries', {
      where: before === null ? { webhook_id: webhookId } : { webhook_id: webhookId, sort_key: { $lt: before } },
      orderBy: [['sort_key', 'desc']],
      limit: limit + 1,
    });
    const items = found.slice(0, limit);
    return { items, next_before: found.length > limit ? items[items.length - 1].sort_key : null };
  }
}
