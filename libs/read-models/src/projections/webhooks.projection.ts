import type { WebhookDeliveryDoc, WebhookDoc } from '../webhook-documents';
import { applyOnce, Projection } from './projection';

/** Webhooks, and each one's delivery log: deleting a webhook deletes its log with it. */
export const projectWebhooks: Projection = async (tx, { seq, event }) => {
  switch (event.type) {
    case 'WebhookRegistered': {
      const d = event.data;
      await applyOnce<WebhookDoc>(tx, 'webhooks', d.webhook_id, seq, () => ({
        webhook_id: d.webhook_id,
        url: d.url,
        events: d.events,
        has_secret: d.secret !== null,
        created_at: event.metadata.occurred_at,
      }));
      return;
    }
    case 'WebhookDeleted':
      await applyOnce<WebhookDoc>(tx, 'webhooks', event.data.webhook_id, seq, () => null);
      await tx.deleteWhere('webhook_deliveries', { webhook_id: event.data.webhook_id });
      return;
    case 'WebhookDeliveryRequested': {
      const d = event.data;
      // A request the fan-out appended just after the webhook was deleted has no log to go to.
      if (!(await tx.get<WebhookDoc>('webhooks', d.webhook_id))) return;
      const data = d.event.data as { job_id?: unknown; channel_id?: unknown };
      await applyOnce<WebhookDeliveryDoc>(tx, 'webhook_deliveries', d.delivery_id, seq, (current) =>
        current
          ? undefined
          : {
              delivery_id: d.delivery_id,
              webhook_id: d.webhook_id,
              event_type: d.event.type,
              event_id: d.event.id,
              event_seq: d.event.seq,
              job_id: typeof data.job_id === 'string' ? data.job_id : null,
              channel_id: typeof data.channel_id === 'string' ? data.channel_id : null,
              status: 'pending',
              attempts: [],
              next_attempt_at: null,
              created_at: event.metadata.occurred_at,
              updated_at: event.metadata.occurred_at,
              sort_key: deliverySortKey(d.event.seq, d.delivery_id),
            },
      );
      return;
    }
    case 'WebhookDeliveryAttempted': {
      const d = event.data;
      await applyOnce<WebhookDeliveryDoc>(tx, 'webhook_deliveries', d.delivery_id, seq, (current) => {
        if (!current) return undefined;
        const attempt = {
          attempt: d.attempt,
          outcome: d.outcome,
          status_code: d.status_code,
          error: d.error,
          attempted_at: d.attempted_at,
          next_attempt_at: d.next_attempt_at,
        };
        const attempts = [...current.attempts.filter((a) => a.attempt !== d.attempt), attempt].sort(
          (a, b) => a.attempt - b.attempt,
        );
        // A late record of an earlier attempt does not undo a later outcome.
        const latest = attempts[attempts.length - 1];
        return {
          ...current,
          attempts,
          status: latest.outcome,
          next_attempt_at: latest.next_attempt_at,
          updated_at: d.attempted_at,
        };
      });
      return;
    }
  }
};

export function deliverySortKey(eventSeq: number, deliveryId: string): string {
  return `${String(eventSeq).padStart(15, '0')}|${deliveryId}`;
}
