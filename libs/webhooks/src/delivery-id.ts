import { createHash } from 'node:crypto';

/**
 * The id of the delivery of one event to one webhook: derived from both, so the fan-out repeated after a
 * restart names the same delivery (and JetStream's duplicate window drops its second request), and the
 * receiver sees one id however often the delivery is attempted.
 */
export function webhookDeliveryId(webhookId: string, eventId: string): string {
  return `whd_${createHash('sha256').update(`${webhookId}\n${eventId}`, 'utf8').digest('hex').slice(0, 32)}`;
}
