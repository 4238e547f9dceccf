import { ConsumerMessages, JetStreamClient, JetStreamManager, JsMsg } from '@nats-io/jetstream';
import { Logger } from '@nestjs/common';
import { CustomTransportStrategy, Server } from '@nestjs/microservices';
import { lastValueFrom } from 'rxjs';
import { errorMessage, TransientError } from '@atlas/common';
import { AtlasEvent, HEADER, InvalidEventError } from '@atlas/events';
import { DecodedEvents } from './decoded-events';
import { DurableConsumerSpec, ensureDurableConsumer } from './durable-consumer';
import { JetStreamEventContext } from './jetstream-event-context';
import { STREAM_NAME } from './event-stream';

/** What the transport knows about a message it had to give up on. */
export interface PoisonReport {
  seq: number;
  subject: string;
  reason: string;
  type?: string;
  jobId?: string;
  channelId?: string;
}

export interface JetStreamTransportOptions {
  transportId: symbol;
  consumer: DurableConsumerSpec;
  js: JetStreamClient;
  jsm: JetStreamManager;
  /** The process's decoded-event cache (EventStore.decoded). */
  decoded: DecodedEvents;
  /** Records a terminated message on its job, so the failure is visible through the API. */
  onPoison: (report: PoisonReport) => Promise<void>;
}

const MAX_RETRY_DELAY_MS = 60_000;

/**
 * Serves @EventPattern handlers (pattern = event type) from a durable JetStream pull consumer. It owns
 * the acknowledgement protocol: ack after the handler succeeded (the handler awaits its own publishes),
 * nak with a delay for transient failures (a bare nak would redeliver at once), term for poison input,
 * and `working()` heartbeats while a long handler runs. Events without a handler are acked and skipped.
 */
export class JetStreamTransport extends Server implements CustomTransportStrategy {
  private messages?: ConsumerMessages;
  private readonly inFlight = new Map<JsMsg, { abort: AbortController; done: Promise<void> }>();
  private readonly log: Logger;
  private closing = false;

  constructor(private readonly options: JetStreamTransportOptions) {
    super();
    this.transportId = options.transportId;
    this.log = new Logger(`JetStream:${options.consumer.durable}`);
  }

  on(): void {
    throw new Error('JetStreamTransport has no events to listen to');
  }

  unwrap<T>(): T {
    return this.options.js as T;
  }

  async listen(callback: (...optionalParams: unknown[]) => unknown): Promise<void> {
    try {
      const { consumer, jsm, js } = this.options;
      await ensureDurableConsumer(jsm, consumer);
      const durable = await js.consumers.get(STREAM_NAME, consumer.durable);
      this.messages = await durable.consume({ max_messages: consumer.maxAckPending });
      void this.pump(this.messages);
      callback();
    } catch (error) {
      callback(error);
    }
  }

  async close(): Promise<void> {
    this.closing = true;
    this.messages?.stop();
    for (const { abort } of this.inFlight.values()) abort.abort(new Error('worker shutting down'));
    await Promise.allSettled([...this.inFlight.values()].map((entry) => entry.done));
  }

  private async pump(messages: ConsumerMessages): Promise<void> {
    try {
      for await (const msg of messages) {
        // A redelivery of a message this process is still handling means the handler could not send its
        // heartbeat in time (a long synchronous stretch blocked the event loop), not that a worker died:
        // a second run beside the first would only double the work and the memory. The first run settles it.
        if (this.isInFlight(msg.seq)) continue;
        const abort = new AbortController();
        const done = this.process(msg, abort.signal).finally(() => this.inFlight.delete(msg));
        this.inFlight.set(msg, { abort, done });
      }
    } catch (error) {
      if (!this.closing) this.log.error(`consumer stopped: ${errorMessage(error)}`);
    }
  }

  private isInFlight(seq: number): boolean {
    for (const msg of this.inFlight.keys()) if (msg.seq === seq) return true;
    return false;
  }

  private async process(msg: JsMsg, signal: AbortSignal): Promise<void> {
    const type = msg.headers?.get(HEADER.type) || undefined;
    const handler = type ? this.getHandlerByPattern(type) : null;
    if (!handler) {
      msg.ack();
      return;
    }
    let event: AtlasEvent;
    try {
      event = this.options.decoded.decode(msg.seq, msg.data);
    } catch (error) {
      const hint = error instanceof InvalidEventError ? error.hint : {};
      await this.terminate(msg, errorMessage(error), { type, jobId: hint.job_id, channelId: hint.channel_id });
      return;
    }
    const heartbeat = setInterval(() => msg.working(), (this.options.consumer.ackWaitSeconds * 1000) / 3);
    try {
      const context = new JetStreamEventContext([msg, signal]);
      await lastValueFrom(this.transformToObservable(await handler(event, context)), { defaultValue: undefined });
      await msg.ackAck().catch(() => msg.ack());
    } catch (error) {
      await this.settleFailure(msg, event, error, signal);
    } finally {
      clearInterval(heartbeat);
    }
  }

  private async settleFailure(msg: JsMsg, event: AtlasEvent, error: unknown, signal: AbortSignal): Promise<void> {
    const data = event.data as { job_id?: string; channel_id?: string };
    const where = { type: event.type, jobId: data.job_id, channelId: data.channel_id };
    if (signal.aborted) {
      msg.nak();
      return;
    }
    const deliveries = msg.info.deliveryCount;
    if (deliveries >= this.options.consumer.maxDeliver) {
      await this.terminate(msg, `gave up after ${deliveries} deliveries: ${errorMessage(error)}`, where);
      return;
    }
    const delay =
      error instanceof TransientError ? error.delayMs : Math.min(MAX_RETRY_DELAY_MS, 1_000 * 2 ** (deliveries - 1));
    this.log.warn(
      `${event.type} #${msg.seq} failed (delivery ${deliveries}), retrying in ${delay} ms: ${errorMessage(error)}`,
      { job_id: where.jobId, channel_id: where.channelId },
    );
    msg.nak(delay);
  }

  private async terminate(
    msg: JsMsg,
    reason: string,
    where: Omit<PoisonReport, 'seq' | 'subject' | 'reason'>,
  ): Promise<void> {
    this.log.error(`terminating #${msg.seq} (${where.type ?? 'unknown type'}): ${reason}`, {
      job_id: where.jobId,
      channel_id: where.channelId,
    });
    try {
      await this.options.onPoison({ seq: msg.seq, subject: msg.subject, reason, ...where });
      // A bare term: a reason after +TERM is only understood from nats-server 2.10 on.
      msg.term();
    } catch (error) {
      // Not recorded yet: keep the message so the next delivery tries again.
      this.log.error(`could not record poison #${msg.seq}: ${errorMessage(error)}`);
      msg.nak(5_000);
    }
  }
}
