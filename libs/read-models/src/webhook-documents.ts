import type { WebhookAttemptOutcome, WebhookEventType } from '@atlas/events';
import type { Projected } from './documents';

/** A registered webhook. Its signing secret never enters a read model: only whether it has one. */
export interface WebhookDoc extends Projected {
  webhook_id: string;
  url: string;
  events: WebhookEventType[];
  has_secret: boolean;
  created_at: string;
}

/** `pending` until a first attempt; then the outcome of the latest attempt. */
export type WebhookDeliveryStatus = 'pending' | WebhookAttemptOutcome;

export interface WebhookAttemptRecord {
  attempt: number;
  outcome: WebhookAttemptOutcome;
  status_code: number | null;
  error: string | null;
  attempted_at: string;
  next_attempt_at: string | null;
}

/** One event's delivery to one webhook, with every attempt made. */
export interface WebhookDeliveryDoc extends Projected {
  delivery_id: string;
  webhook_id: string;
  event_type: WebhookEventType;
  event_id: string;
  /** The event's stream sequence. */
  event_seq: number;
  /** The job the event belongs to, when it names one. */
  job_id: string | null;
  channel_id: string | null;
  status: WebhookDeliveryStatus;
  attempts: WebhookAttemptRecord[];
  next_attempt_at: string | null;
  created_at: string;
  updated_at: string;
  /** Keyset position in the webhook's delivery log: the event's sequence (zero-padded) and the delivery id. */
  sort_key: string;
}
