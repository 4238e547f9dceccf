import { ALL_CHANNELS_SUBJECT, ALL_EVENTS_SUBJECT, ALL_WEBHOOK_DELIVERIES_SUBJECT } from '@atlas/events';
import type { AtlasConfig } from '@atlas/config';
import type { DurableConsumerSpec } from '@atlas/messaging';

/** The kinds of event-driven worker. Each has its own JetStream transport and durable consumer. */
export const WORKER_NAMES = [
  'projector',
  'dispatcher',
  'fetcher',
  'extractor',
  'graph-builder',
  'wiki-generator',
  'webhook-fanout',
  'webhook-delivery',
] as const;
export type WorkerName = (typeof WORKER_NAMES)[number];

/** Transport ids: an @EventPattern bound to one is served only by that worker's transport. */
export const WORKER: Record<WorkerName, symbol> = {
  projector: Symbol('projector'),
  dispatcher: Symbol('dispatcher'),
  fetcher: Symbol('fetcher'),
  extractor: Symbol('extractor'),
  'graph-builder': Symbol('graph-builder'),
  'wiki-generator': Symbol('wiki-generator'),
  'webhook-fanout': Symbol('webhook-fanout'),
  'webhook-delivery': Symbol('webhook-delivery'),
};

/** Deliveries of a webhook delivery request beyond its attempts: room for the redeliveries a restart causes. */
export const WEBHOOK_DELIVERY_SPARE_DELIVERIES = 5;

/**
 * Deliveries the `webhook-delivery` consumer holds unacknowledged: those being sent and those waiting for a
 * retry (JetStream counts a message nak'ed with a delay as pending until it is delivered again). It is large so
 * that the retries of a receiver that is down do not use up the room of the others: only past this many waiting
 * at once do new deliveries queue behind them. Each one in flight is a socket waiting for a receiver, not CPU.
 */
export const WEBHOOK_DELIVERY_MAX_PENDING = 1000;

/** Deliveries of a stage's trigger before its transient failures fail the job. */
export const STAGE_MAX_DELIVER = 8;

export function consumerSpec(worker: WorkerName, config: AtlasConfig): DurableConsumerSpec {
  const base = { durable: worker, ackWaitSeconds: config.ackWaitSeconds };
  switch (worker) {
    // Both fold the log in order: one message at a time, however many instances run.
    case 'projector':
      return { ...base, filterSubject: ALL_EVENTS_SUBJECT, maxAckPending: 1, maxDeliver: 20 };
    case 'dispatcher':
      return { ...base, filterSubject: ALL_CHANNELS_SUBJECT, maxAckPending: 1, maxDeliver: 20 };
    // Deliveries are independent of each other: their order is not kept, so one slow receiver holds up no other.
    case 'webhook-fanout':
      return { ...base, filterSubject: ALL_CHANNELS_SUBJECT, maxAckPending: 16, maxDeliver: 20 };
    // Each attempt is one delivery of the request: the handler gives up after maxAttempts itself.
    case 'webhook-delivery':
      return {
        ...base,
        filterSubject: ALL_WEBHOOK_DELIVERIES_SUBJECT,
        maxAckPending: WEBHOOK_DELIVERY_MAX_PENDING,
        maxDeliver: config.webhooks.maxAttempts + WEBHOOK_DELIVERY_SPARE_DELIVERIES,
      };
    // A stage holds one SyncStarted per job it works on, plus room for the events it skips.
    default:
      return {
        ...base,
        filterSubject: ALL_CHANNELS_SUBJECT,
        maxAckPending: config.maxConcurrentSyncs + 16,
        maxDeliver: STAGE_MAX_DELIVER,
      };
  }
}
