import {
  ChannelRegisteredData,
  ChannelRemovedData,
  ConnectionCreatedData,
  ConnectionDeletedData,
  ConnectionUpdatedData,
  ExtractionCompletedData,
  FactsExtractedData,
  FetchCompletedData,
  GraphCompletedData,
  GraphUpdatedData,
  MessagesFetchedData,
  ScheduleFiredData,
  ScheduleUpdatedData,
  SyncCancelledData,
  SyncCancelRequestedData,
  SyncCompletedData,
  SyncFailedData,
  SyncRequestedData,
  SyncStageRetryingData,
  SyncStartedData,
  WikiGeneratedData,
  WikiPageGeneratedData,
  WEBHOOK_EVENT_TYPES,
  WebhookDeletedData,
  WebhookDeliveryAttemptedData,
  WebhookDeliveryRequestedData,
  WebhookRegisteredData,
} from './payloads';
import {
  channelSubject,
  connectionSubject,
  scheduleFiringSubject,
  scheduleSubject,
  webhookAttemptsSubject,
  webhookDeliveriesSubject,
  webhookSubject,
} from './subjects';

/** Major version of every payload below. Additive changes keep it; anything else raises it. */
export const SCHEMA_VERSION = 1;

type Entry<D> = {
  data: new () => D;
  /** The aggregate subject the event is appended to. */
  subject: (data: D) => string;
  /** Nats-Msg-Id: the same logical event always gets the same id, so a retried publish is a no-op. */
  idempotencyKey: (data: D, eventId: string) => string;
};

function entry<D>(e: Entry<D>): Entry<D> {
  return e;
}

type JobData = { job_id: string; channel_id: string };
const onChannel = (d: { channel_id: string }) => channelSubject(d.channel_id);
const once = (suffix: string) => (d: JobData) => `${d.job_id}:${suffix}`;
const perBatch = (kind: string) => (d: JobData & { batch: number }) => `${d.job_id}:${kind}:${d.batch}`;

export const EVENT_CATALOGUE = {
  ConnectionCreated: entry({
    data: ConnectionCreatedData,
    subject: (d) => connectionSubject(d.connection_id),
    idempotencyKey: (d) => `connection:${d.connection_id}:created`,
  }),
  ConnectionUpdated: entry({
    data: ConnectionUpdatedData,
    subject: (d) => connectionSubject(d.connection_id),
    // One update per event: two rotations with the same content are still two decisions.
    idempotencyKey: (d, eventId) => `connection:${d.connection_id}:updated:${eventId}`,
  }),
  ConnectionDeleted: entry({
    data: ConnectionDeletedData,
    subject: (d) => connectionSubject(d.connection_id),
    idempotencyKey: (d) => `connection:${d.connection_id}:deleted`,
  }),
  ChannelRegistered: entry({
    data: ChannelRegisteredData,
    subject: onChannel,
    idempotencyKey: (d) => `channel:${d.channel_id}:registered:${d.connection_id}`,
  }),
  ChannelRemoved: entry({
    data: ChannelRemovedData,
    subject: onChannel,
    idempotencyKey: (d) => `channel:${d.channel_id}:removed:${d.connection_id}`,
  }),
  SyncRequested: entry({ data: SyncRequestedData, subject: onChannel, idempotencyKey: once('requested') }),
  SyncStarted: entry({ data: SyncStartedData, subject: onChannel, idempotencyKey: once('started') }),
  MessagesFetched: entry({ data: MessagesFetchedData, subject: onChannel, idempotencyKey: perBatch('messages') }),
  FetchCompleted: entry({ data: FetchCompletedData, subject: onChannel, idempotencyKey: once('fetch-completed') }),
  FactsExtracted: entry({ data: FactsExtractedData, subject: onChannel, idempotencyKey: perBatch('facts') }),
  ExtractionCompleted: entry({
    data: ExtractionCompletedData,
    subject: onChannel,
    idempotencyKey: once('extraction-completed'),
  }),
  GraphUpdated: entry({ data: GraphUpdatedData, subject: onChannel, idempotencyKey: perBatch('graph') }),
  GraphCompleted: entry({ data: GraphCompletedData, subject: onChannel, idempotencyKey: once('graph-completed') }),
  WikiPageGenerated: entry({
    data: WikiPageGeneratedData,
    subject: onChannel,
    idempotencyKey: (d) => `${d.job_id}:wiki-page:${d.page.slug}`,
  }),
  WikiGenerated: entry({ data: WikiGeneratedData, subject: onChannel, idempotencyKey: once('wiki-generated') }),
  SyncCompleted: entry({ data: SyncCompletedData, subject: onChannel, idempotencyKey: once('completed') }),
  SyncFailed: entry({ data: SyncFailedData, subject: onChannel, idempotencyKey: once('failed') }),
  SyncStageRetrying: entry({
    data: SyncStageRetryingData,
    subject: onChannel,
    idempotencyKey: (d) =>
      `${d.job_id}:retrying:${d.stage}:${d.attempt}${d.wait === undefined ? '' : `:wait:${d.wait}`}`,
  }),
  SyncCancelRequested: entry({
    data: SyncCancelRequestedData,
    subject: onChannel,
    idempotencyKey: once('cancel-requested'),
  }),
  SyncCancelled: entry({ data: SyncCancelledData, subject: onChannel, idempotencyKey: once('cancelled') }),
  ScheduleUpdated: entry({
    data: ScheduleUpdatedData,
    subject: (d) => scheduleSubject(d.channel_id),
    idempotencyKey: (_d, eventId) => `schedule-update:${eventId}`,
  }),
  ScheduleFired: entry({
    data: ScheduleFiredData,
    subject: (d) => scheduleFiringSubject(d.channel_id),
    idempotencyKey: (d) => `schedule:${d.channel_id}:${d.slot}`,
  }),
  WebhookRegistered: entry({
    data: WebhookRegisteredData,
    subject: (d) => webhookSubject(d.webhook_id),
    idempotencyKey: (d) => `webhook:${d.webhook_id}:registered`,
  }),
  WebhookDeleted: entry({
    data: WebhookDeletedData,
    subject: (d) => webhookSubject(d.webhook_id),
    idempotencyKey: (d) => `webhook:${d.webhook_id}:deleted`,
  }),
  WebhookDeliveryRequested: entry({
    data: WebhookDeliveryRequestedData,
    subject: (d) => webhookDeliveriesSubject(d.webhook_id),
    idempotencyKey: (d) => `webhook-delivery:${d.delivery_id}`,
  }),
  WebhookDeliveryAttempted: entry({
    data: WebhookDeliveryAttemptedData,
    subject: (d) => webhookAttemptsSubject(d.webhook_id),
    idempotencyKey: (d) => `webhook-delivery:${d.delivery_id}:attempt:${d.attempt}`,
  }),
};

export type EventType = keyof typeof EVENT_CATALOGUE;
export const EVENT_TYPES = Object.keys(EVENT_CATALOGUE) as EventType[];

export type EventDataOf<T extends EventType> = InstanceType<(typeof EVENT_CATALOGUE)[T]['data']>;

export interface EventMetadata {
  /** Unique id of this event (uuid). */
  event_id: string;
  schema_version: number;
  /** When the producer created the event (ISO 8601, UTC). */
  occurred_at: string;
  /** The service that produced it: gateway, scheduler, fetcher, extractor, graph-builder, wiki-generator, webhooks. */
  producer: string;
  /** The event this one reacts to, when there is one. */
  causation_id: string | null;
}

/** Every event: a discriminated union of `{type, data, metadata}`. */
export type AtlasEvent<T extends EventType = EventType> = {
  [K in T]: { type: K; data: EventDataOf<K>; metadata: EventMetadata };
}[T];

/** Events that end a job. After one of them the job's channel accepts a new sync. */
export const TERMINAL_EVENT_TYPES = ['SyncCompleted', 'SyncFailed', 'SyncCancelled'] as const satisfies EventType[];

/** Events of a job after which no stage may append output for it. */
export const CLOSING_EVENT_TYPES = [...TERMINAL_EVENT_TYPES, 'SyncCancelRequested'] as const satisfies EventType[];

/** Events on a channel subject that belong to a job (they carry `job_id`). */
export const JOB_EVENT_TYPES = [
  'SyncRequested',
  'SyncStarted',
  'MessagesFetched',
  'FetchCompleted',
  'FactsExtracted',
  'ExtractionCompleted',
  'GraphUpdated',
  'GraphCompleted',
  'WikiPageGenerated',
  'WikiGenerated',
  'SyncCompleted',
  'SyncFailed',
  'SyncStageRetrying',
  'SyncCancelRequested',
  'SyncCancelled',
] as const satisfies EventType[];

export type JobEventType = (typeof JOB_EVENT_TYPES)[number];
export type JobEvent = AtlasEvent<JobEventType>;

// Every event a webhook may subscribe to is one of the catalogue's.
WEBHOOK_EVENT_TYPES satisfies readonly EventType[];

export function isEventType(value: unknown): value is EventType {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(EVENT_CATALOGUE, value);
}

export function isJobEvent(event: AtlasEvent): event is JobEvent {
  return (JOB_EVENT_TYPES as readonly string[]).includes(event.type);
}

export function isClosing(type: string): boolean {
  return (CLOSING_EVENT_TYPES as readonly string[]).includes(type);
}
