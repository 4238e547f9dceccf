import { ConflictError, NotFoundError } from '@atlas/common';
import type { AtlasEvent, EventDataOf } from '@atlas/events';

/**
 * A webhook's registration as its subject (`atlas.webhook.<id>`) says: its last event holds the whole state,
 * so a decision reads that one event and appends on condition that the subject is still where it was.
 */
export type WebhookState =
  | { status: 'none' }
  | { status: 'registered'; registration: EventDataOf<'WebhookRegistered'>; seq: number }
  | { status: 'deleted'; seq: number };

export const NO_WEBHOOK: WebhookState = { status: 'none' };

/** The state after `event`, the subject's latest (at `seq`); anything else on the subject leaves it unchanged. */
export function evolveWebhook(state: WebhookState, event: AtlasEvent, seq: number): WebhookState {
  switch (event.type) {
    case 'WebhookRegistered':
      return { status: 'registered', registration: event.data, seq };
    case 'WebhookDeleted':
      return { status: 'deleted', seq };
    default:
      return state;
  }
}

/** What a registration appends, and the subject sequence it must still find (0: nothing yet). */
export function decideRegistration(
  state: WebhookState,
  registration: EventDataOf<'WebhookRegistered'>,
): { data: EventDataOf<'WebhookRegistered'>; expectedLastSubjectSeq: number } {
  if (state.status !== 'none') {
    throw new ConflictError('WEBHOOK_EXISTS', `Webhook ${registration.webhook_id} already exists`);
  }
  return { data: registration, expectedLastSubjectSeq: 0 };
}

/** What a deletion appends: only a registered webhook can be deleted, once. */
export function decideDeletion(
  state: WebhookState,
  webhookId: string,
): { data: EventDataOf<'WebhookDeleted'>; expectedLastSubjectSeq: number } {
  if (state.status !== 'registered') throw new NotFoundError('WEBHOOK_NOT_FOUND', `No webhook ${webhookId}`);
  return { data: { webhook_id: webhookId }, expectedLastSubjectSeq: state.seq };
}
