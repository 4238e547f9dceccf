import { randomUUID } from 'node:crypto';
import { plainToInstance } from 'class-transformer';
import { validateSync, ValidationError as ClassValidationError } from 'class-validator';
import { AtlasEvent, EVENT_CATALOGUE, EventDataOf, EventType, isEventType, SCHEMA_VERSION } from './catalogue';
import { upcastKnowledgeData } from './upcast-knowledge';

/** Headers every event carries, so subscribers can route on them without parsing the payload. */
export const HEADER = {
  msgId: 'Nats-Msg-Id',
  type: 'Atlas-Event-Type',
  schemaVersion: 'Atlas-Schema-Version',
  jobId: 'Atlas-Job-Id',
  channelId: 'Atlas-Channel-Id',
  batch: 'Atlas-Batch',
} as const;

export class InvalidEventError extends Error {
  constructor(
    message: string,
    /** What the payload said about itself, for recording the rejection on its job. */
    readonly hint: { type?: string; job_id?: string; channel_id?: string } = {},
  ) {
    super(message);
    this.name = 'InvalidEventError';
  }
}

export function createEvent<T extends EventType>(
  type: T,
  data: EventDataOf<T>,
  options: { producer: string; causationId?: string | null; occurredAt?: Date },
): AtlasEvent<T> {
  return {
    type,
    data,
    metadata: {
      event_id: randomUUID(),
      schema_version: SCHEMA_VERSION,
      occurred_at: (options.occurredAt ?? new Date()).toISOString(),
      producer: options.producer,
      causation_id: options.causationId ?? null,
    },
  } as AtlasEvent<T>;
}

export interface EncodedEvent {
  subject: string;
  msgId: string;
  headers: Record<string, string>;
  payload: Uint8Array;
}

export function encodeEvent(event: AtlasEvent): EncodedEvent {
  const entry = EVENT_CATALOGUE[event.type] as unknown as {
    subject: (d: unknown) => string;
    idempotencyKey: (d: unknown, eventId: string) => string;
  };
  const data = event.data as unknown as Record<string, unknown>;
  const msgId = entry.idempotencyKey(data, event.metadata.event_id);
  const headers: Record<string, string> = {
    [HEADER.msgId]: msgId,
    [HEADER.type]: event.type,
    [HEADER.schemaVersion]: String(event.metadata.schema_version),
  };
  if (typeof data.job_id === 'string') headers[HEADER.jobId] = data.job_id;
  if (typeof data.channel_id === 'string') headers[HEADER.channelId] = data.channel_id;
  if (typeof data.batch === 'number') headers[HEADER.batch] = String(data.batch);
  return {
    subject: entry.subject(data),
    msgId,
    headers,
    payload: Buffer.from(JSON.stringify(event), 'utf8'),
  };
}

/** Parses and validates an event from the wire. Throws InvalidEventError for anything that is not a valid v1 event. */
export function decodeEvent(payload: Uint8Array): AtlasEvent {
  let raw: unknown;
  try {
    raw = JSON.parse(Buffer.from(payload.buffer, payload.byteOffset, payload.byteLength).toString('utf8'));
  } catch {
    throw new InvalidEventError('payload is not JSON');
  }
  return validateEvent(raw);
}

export function validateEvent(raw: unknown): AtlasEvent {
  if (typeof raw !== 'object' || raw === null) throw new InvalidEventError('event is not an object');
  const { type, data, metadata } = raw as { type?: unknown; data?: unknown; metadata?: unknown };
  const hint = hintOf(type, data);
  if (!isEventType(type)) throw new InvalidEventError(`unknown event type ${JSON.stringify(type)}`, hint);
  if (typeof metadata !== 'object' || metadata === null) throw new InvalidEventError('metadata is missing', hint);
  const meta = metadata as Record<string, unknown>;
  if (meta.schema_version !== SCHEMA_VERSION) {
    throw new InvalidEventError(`unsupported schema_version ${JSON.stringify(meta.schema_version)}`, hint);
  }
  for (const field of ['event_id', 'occurred_at', 'producer'] as const) {
    if (typeof meta[field] !== 'string') throw new InvalidEventError(`metadata.${field} must be a string`, hint);
  }
  if (typeof data !== 'object' || data === null) throw new InvalidEventError('data is missing', hint);
  const DataClass = EVENT_CATALOGUE[type].data as new () => object;
  const instance = plainToInstance(DataClass, upcastKnowledgeData(type, data));
  const errors = validateSync(instance, { forbidUnknownValues: true });
  if (errors.length > 0) {
    throw new InvalidEventError(`${type} is invalid: ${describeErrors(errors).slice(0, 5).join('; ')}`, hint);
  }
  return {
    type,
    data: instance,
    metadata: { causation_id: null, ...meta } as AtlasEvent['metadata'],
  } as AtlasEvent;
}

function hintOf(type: unknown, data: unknown): InvalidEventError['hint'] {
  const d = (typeof data === 'object' && data !== null ? data : {}) as Record<string, unknown>;
  return {
    type: typeof type === 'string' ? type : undefined,
    job_id: typeof d.job_id === 'string' ? d.job_id : undefined,
    channel_id: typeof d.channel_id === 'string' ? d.channel_id : undefined,
  };
}

export function describeErrors(errors: ClassValidationError[], path = ''): string[] {
  const out: string[] = [];
  for (const error of errors) {
    const at = path ? `${path}.${error.property}` : error.property;
    for (const text of Object.values(error.constraints ?? {})) out.push(text.replace(error.property, at));
    if (error.children?.length) out.push(...describeErrors(error.children, at));
  }
  return out;
}
