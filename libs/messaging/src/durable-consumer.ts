import { AckPolicy, DeliverPolicy, JetStreamManager } from '@nats-io/jetstream';
import { nanos } from '@nats-io/transport-node';
import { STREAM_NAME } from './event-stream';

/** A durable pull consumer of the event stream: one per kind of worker, shared by its instances. */
export interface DurableConsumerSpec {
  durable: string;
  filterSubject: string;
  /** Messages one worker may hold unacknowledged: its concurrency (1 keeps the log's order). */
  maxAckPending: number;
  ackWaitSeconds: number;
  /** Deliveries before a message counts as poison and is terminated. */
  maxDeliver: number;
}

export async function ensureDurableConsumer(jsm: JetStreamManager, spec: DurableConsumerSpec): Promise<void> {
  const config = {
    durable_name: spec.durable,
    filter_subject: spec.filterSubject,
    ack_policy: AckPolicy.Explicit,
    deliver_policy: DeliverPolicy.All,
    ack_wait: nanos(spec.ackWaitSeconds * 1000),
    // The transport terminates a message itself at maxDeliver so it can record why; the server's
    // limit is one higher and only a backstop.
    max_deliver: spec.maxDeliver + 1,
    max_ack_pending: spec.maxAckPending,
  };
  const existing = await jsm.consumers.info(STREAM_NAME, spec.durable).catch(() => null);
  if (!existing) {
    await jsm.consumers.add(STREAM_NAME, config).catch(async (error) => {
      // Another instance created it first.
      if (!(await jsm.consumers.info(STREAM_NAME, spec.durable).catch(() => null))) throw error;
    });
    return;
  }
  const current = existing.config;
  if (
    current.ack_wait !== config.ack_wait ||
    current.max_deliver !== config.max_deliver ||
    current.max_ack_pending !== config.max_ack_pending
  ) {
    await jsm.consumers.update(STREAM_NAME, spec.durable, {
      ack_wait: config.ack_wait,
      max_deliver: config.max_deliver,
      max_ack_pending: config.max_ack_pending,
    });
  }
}
