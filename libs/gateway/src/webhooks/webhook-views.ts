import { ApiProperty } from '@nestjs/swagger';
import { WEBHOOK_ATTEMPT_OUTCOMES, WEBHOOK_EVENT_TYPES } from '@atlas/events';
import type { WebhookAttemptOutcome, WebhookEventType } from '@atlas/events';
import type { WebhookDeliveryDoc, WebhookDeliveryStatus, WebhookDoc } from '@atlas/read-models';

export class WebhookView {
  @ApiProperty() webhook_id: string;
  @ApiProperty() url: string;
  @ApiProperty({ enum: WEBHOOK_EVENT_TYPES, isArray: true }) events: WebhookEventType[];
  @ApiProperty({ description: 'Whether deliveries are signed; the secret itself is never shown' }) has_secret: boolean;
  @ApiProperty({ type: 'string', format: 'date-time' }) created_at: string;
}

export class WebhooksListView {
  @ApiProperty({ type: [WebhookView] }) webhooks: WebhookView[];
}

/** DELETE /api/webhooks/{webhook_id} */
export class DeletedWebhookView {
  @ApiProperty() webhook_id: string;
  @ApiProperty({ enum: [true] }) deleted: true;
}

export class WebhookAttemptView {
  @ApiProperty({ minimum: 1 }) attempt: number;
  @ApiProperty({ enum: WEBHOOK_ATTEMPT_OUTCOMES }) outcome: WebhookAttemptOutcome;
  @ApiProperty({ type: 'integer', nullable: true, description: "The receiver's HTTP status; null without an answer" })
  status_code: number | null;
  @ApiProperty({ type: 'string', nullable: true }) error: string | null;
  @ApiProperty({ type: 'string', format: 'date-time' }) attempted_at: string;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true }) next_attempt_at: string | null;
}

export class WebhookDeliveryView {
  @ApiProperty({ description: 'Sent as X-Atlas-Delivery on every attempt' }) delivery_id: string;
  @ApiProperty() webhook_id: string;
  @ApiProperty({ enum: WEBHOOK_EVENT_TYPES }) event_type: WebhookEventType;
  @ApiProperty() event_id: string;
  @ApiProperty({ type: 'string', nullable: true }) job_id: string | null;
  @ApiProperty({ type: 'string', nullable: true }) channel_id: string | null;
  @ApiProperty({
    enum: ['pending', ...WEBHOOK_ATTEMPT_OUTCOMES],
    description: '`pending` before a first attempt, then the outcome of the latest',
  })
  status: WebhookDeliveryStatus;
  @ApiProperty({ type: [WebhookAttemptView] }) attempts: WebhookAttemptView[];
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true }) next_attempt_at: string | null;
  @ApiProperty({ type: 'string', format: 'date-time' }) created_at: string;
  @ApiProperty({ type: 'string', format: 'date-time' }) updated_at: string;
}

export class WebhookDeliveriesView {
  @ApiProperty({ type: [WebhookDeliveryView], description: 'Newest event first' }) deliveries: WebhookDeliveryView[];
  @ApiProperty({ type: 'string', nullable: true, description: 'Pass as `cursor` for the next page; null on the last' })
  next_cursor: string | null;
}

export function webhookView(doc: WebhookDoc): WebhookView {
  return {
    webhook_id: doc.webhook_id,
    url: doc.url,
    events: doc.events,
    has_secret: doc.has_secret,
    created_at: doc.created_at,
  };
}

export function deliveryView(doc: WebhookDeliveryDoc): WebhookDeliveryView {
  return {
    delivery_id: doc.delivery_id,
    webhook_id: doc.webhook_id,
    event_type: doc.event_type,
    event_id: doc.event_id,
    job_id: doc.job_id,
    channel_id: doc.channel_id,
    status: doc.status,
    attempts: doc.attempts.map((attempt) => ({ ...attempt })),
    next_attempt_at: doc.next_attempt_at,
    created_at: doc.created_at,
    updated_at: doc.updated_at,
  };
}
