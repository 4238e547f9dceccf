import { DeliverPolicy, JetStreamApiError, JetStreamClient, JetStreamManager } from '@nats-io/jetstream';
import { headers as natsHeaders, MsgHdrs } from '@nats-io/transport-node';
import { sleep } from '@atlas/common';
import { AtlasEvent, encodeEvent, HEADER } from '@atlas/events';
import { DecodedEvents } from './decoded-events';
import { STREAM_NAME } from './event-stream';

/** An event as the log holds it: its stream sequence and subject. */
export interface StoredEvent<E extends AtlasEvent = AtlasEvent> {
  seq: number;
  subject: string;
  event: E;
}

export interface AppendResult {
  seq: number;
  /** True when the server had this Nats-Msg-Id already: nothing new was written. */
  duplicate: boolean;
}

/** The subject moved on since the sequence the caller decided on: reload and decide again. */
export class WrongExpectedSequenceError extends Error {
  constructor(
    readonly subject: string,
    readonly expected: number,
  ) {
    super(`${subject} is no longer at sequence ${expected}`);
    this.name = 'WrongExpectedSequenceError';
  }
}

const WRONG_LAST_SEQUENCE = 10071;
const PUBLISH_TIMEOUT_MS = 5_000;
/** How long an append keeps retrying while NATS is unreachable (a restart takes seconds). */
const APPEND_RETRY_BUDGET_MS = 60_000;

/**
 * The event log. Appends go to the event's aggregate subject, optionally only if that subject is still
 * at the sequence the caller's decision was based on (Nats-Expected-Last-Subject-Sequence), which makes
 * "decide, then append" atomic per aggregate. Every append carries the event's idempotency key as
 * Nats-Msg-Id, so retrying after a lost acknowledgement never writes twice.
 */
export class EventStore {
  /** Shared with the transport of this process, so each stored event is validated once. */
  readonly decoded = new DecodedEvents();

  constructor(
    private readonly js: JetStreamClient,
    private readonly jsm: JetStreamManager,
    readonly streamName = STREAM_NAME,
  ) {}

  async append(event: AtlasEvent, options: { expectedLastSubjectSeq?: number } = {}): Promise<AppendResult> {
    const encoded = encodeEvent(event);
    const headers = natsHeaders();
    for (const [name, value] of Object.entries(encoded.headers)) headers.set(name, value);
    const expect =
      options.expectedLastSubjectSeq === undefined
        ? undefined
        : { lastSubjectSequence: options.expectedLastSubjectSeq };
    const deadline = Date.now() + APPEND_RETRY_BUDGET_MS;
    for (let attempt = 1; ; attempt++) {
      try {
        const ack = await this.js.publish(encoded.subject, encoded.payload, {
          msgID: encoded.msgId,
          headers,
          expect,
          timeout: PUBLISH_TIMEOUT_MS,
        });
        return { seq: ack.seq, duplicate: ack.duplicate };
      } catch (error) {
        if (error instanceof JetStreamApiError && error.code === WRONG_LAST_SEQUENCE) {
          throw new WrongExpectedSequenceError(encoded.subject, options.expectedLastSubjectSeq ?? -1);
        }
        if (error instanceof JetStreamApiError || Date.now() > deadline) throw error;
        // Unreachable or timed out: the same Nats-Msg-Id makes the retry safe even if the first one landed.
        await sleep(Math.min(2_000, 100 * 2 ** attempt));
      }
    }
  }

  /**
   * The last message on a subject, or null when nothing was ever appended to it. Its type and job are
   * read from its headers; its payload is decoded (and validated) only when asked for, so a malformed
   * message at the end of a subject does not stop decisions that need no more than that.
   */
  async lastEntry(subject: string): Promise<LogEntry | null> {
    const stored = await this.withRetry(() => this.jsm.streams.getMessage(this.streamName, { last_by_subj: subject }));
    return stored ? new LogEntry(stored, this.decoded) : null;
  }

  async entryAt(seq: number): Promise<LogEntry | null> {
    const stored = await this.withRetry(() => this.jsm.streams.getMessage(this.streamName, { seq }));
    return stored ? new LogEntry(stored, this.decoded) : null;
  }

  /** Sequence of the newest message of the whole stream (0 when empty). */
  async lastSequence(): Promise<number> {
    const info = await this.withRetry(() => this.jsm.streams.info(this.streamName));
    return info.state.last_seq;
  }

  /**
   * Reads the events matching `filter` in log order, through an ordered consumer: from `fromSeq`, or
   * only the newest event of each subject (`latestPerSubject`). Without `follow` it stops once it has
   * caught up with the log as it was when reading started; with `follow` it keeps waiting for new
   * events until `signal` aborts. `headersOnly` skips payloads (type, job and batch are headers).
   */
  async *read(
    filter: string,
    options: {
      fromSeq?: number;
      latestPerSubject?: boolean;
      follow?: boolean;
      headersOnly?: boolean;
      signal?: AbortSignal;
    },
  ): AsyncGenerator<LogEntry> {
    const consumer = await this.withRetry(() =>
      this.js.consumers.get(this.streamName, {
        filter_subjects: filter,
        ...(options.latestPerSubject
          ? { deliver_policy: DeliverPolicy.LastPerSubject }
          : { deliver_policy: DeliverPolicy.StartSequence, opt_start_seq: Math.max(1, options.fromSeq ?? 1) }),
        headers_only: options.headersOnly ?? false,
      }),
    );
    // The server would keep an ordered consumer for minutes after its reader left (its inactive threshold);
    // a reader that is done deletes it, without waiting for the answer.
    const release = () => void consumer.delete().catch(() => undefined);
    if (!options.follow && (await consumer.info(true)).num_pending === 0) {
      release();
      return;
    }
    const messages = await consumer.consume({ max_messages: options.headersOnly ? 256 : 16 });
    const stop = () => messages.stop();
    options.signal?.addEventListener('abort', stop, { once: true });
    try {
      if (options.signal?.aborted) return;
      for await (const msg of messages) {
        yield new LogEntry(msg, this.decoded);
        if (!options.follow && msg.info.pending === 0) return;
      }
    } finally {
      options.signal?.removeEventListener('abort', stop);
      messages.stop();
      release();
    }
  }

  private async withRetry<T>(operation: () => Promise<T>): Promise<T> {
    const deadline = Date.now() + APPEND_RETRY_BUDGET_MS;
    for (let attempt = 1; ; attempt++) {
      try {
        return await operation();
      } catch (error) {
        if (error instanceof JetStreamApiError || Date.now() > deadline) throw error;
        await sleep(Math.min(2_000, 100 * 2 ** attempt));
      }
    }
  }
}

/** A message of the log. Type, job and batch come from its headers; the payload is decoded on demand. */
export class LogEntry {
  private readonly headers: MsgHdrs | undefined;

  /** Takes a consumed message (`headers`) or a message read directly from the stream (`header`). */
  constructor(
    private readonly msg: { seq: number; subject: string; data: Uint8Array; headers?: MsgHdrs; header?: MsgHdrs },
    private readonly decoded: DecodedEvents = new DecodedEvents(),
  ) {
    this.headers = msg.headers ?? msg.header;
  }

  get seq(): number {
    return this.msg.seq;
  }

  get subject(): string {
    return this.msg.subject;
  }

  get type(): string | undefined {
    return this.headers?.get(HEADER.type) || undefined;
  }

  get jobId(): string | undefined {
    return this.headers?.get(HEADER.jobId) || undefined;
  }

  get batch(): number | undefined {
    const raw = this.headers?.get(HEADER.batch);
    return raw ? Number(raw) : undefined;
  }

  /** The validated event; throws InvalidEventError when the payload is not a valid event. */
  decode(): AtlasEvent {
    return this.decoded.decode(this.msg.seq, this.msg.data);
  }
}
