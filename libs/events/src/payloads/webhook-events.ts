import { Type } from 'class-transformer';
import {
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsISO8601,
  IsObject,
  IsString,
  Min,
  ValidateNested,
} from 'class-validator';
import { EncryptedSecret, Nullable } from '../model';

/**
 * The events of the catalogue a webhook may subscribe to: a job's milestones and its ends. Batch events
 * (messages, facts, graph, wiki pages) are left out: they are many per job and carry whole batches.
 */
export const WEBHOOK_EVENT_TYPES = [
  'SyncRequested',
  'SyncStarted',
  'SyncStageRetrying',
  'WikiGenerated',
  'SyncCompleted',
  'SyncFailed',
  'SyncCancelled',
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/** What a delivery outcome says of its delivery: done, tried again later, or given up. */
export const WEBHOOK_ATTEMPT_OUTCOMES = ['delivered', 'retrying', 'failed'] as const;
export type WebhookAttemptOutcome = (typeof WEBHOOK_ATTEMPT_OUTCOMES)[number];

export class WebhookRegisteredData {
  @IsString() webhook_id: string;
  /** Checked against the outbound-URL policy when registered, and again at every connect. */
  @IsString() url: string;
  @IsArray() @ArrayMinSize(1) @IsIn(WEBHOOK_EVENT_TYPES, { each: true }) events: WebhookEventType[];
  /** The signing secret, sealed like connection credentials (`{"secret": "..."}`); null: deliveries are unsigned. */
  @Nullable() @ValidateNested() @Type(() => EncryptedSecret) secret: EncryptedSecret | null;
}

export class WebhookDeletedData {
  @IsString() webhook_id: string;
}

/** The event a delivery carries, as the receiver gets it under `event`. */
export class WebhookEventBody {
  @IsIn(WEBHOOK_EVENT_TYPES) type: WebhookEventType;
  /** The event's `metadata.event_id`. */
  @IsString() id: string;
  /** Its stream sequence: the order of events in the log. */
  @IsInt() @Min(1) seq: number;
  @IsISO8601() occurred_at: string;
  @IsObject() data: Record<string, unknown>;
}

/** One event to deliver to one webhook: appended once per (webhook, event) by the fan-out. */
export class WebhookDeliveryRequestedData {
  /** Derived from the webhook and the event, so a repeated fan-out names the same delivery. */
  @IsString() delivery_id: string;
  @IsString() webhook_id: string;
  @ValidateNested() @Type(() => WebhookEventBody) event: WebhookEventBody;
}

/** One attempt to deliver, whatever came of it. */
export class WebhookDeliveryAttemptedData {
  @IsString() delivery_id: string;
  @IsString() webhook_id: string;
  /** 1 for the first attempt. */
  @IsInt() @Min(1) attempt: number;
  @IsIn(WEBHOOK_ATTEMPT_OUTCOMES) outcome: WebhookAttemptOutcome;
  /** The receiver's HTTP status; null when no answer came (refused, unreachable, timed out). */
  @Nullable() @IsInt() status_code: number | null;
  /** Why the attempt failed; null when delivered. */
  @Nullable() @IsString() error: string | null;
  @IsISO8601() attempted_at: string;
  /** With `retrying`: when the next attempt is due at the earliest. */
  @Nullable() @IsISO8601() next_attempt_at: string | null;
}
