import type { WebhookEventType } from '../api/types';

/** The events a webhook may subscribe to, in a job's order, as the form offers them. */
export const WEBHOOK_EVENTS: ReadonlyArray<{ type: WebhookEventType; label: string }> = [
  { type: 'SyncRequested', label: 'Sync requested' },
  { type: 'SyncStarted', label: 'Sync started' },
  { type: 'SyncStageRetrying', label: 'A stage waits to retry' },
  { type: 'WikiGenerated', label: 'Wiki generated' },
  { type: 'SyncCompleted', label: 'Sync completed' },
  { type: 'SyncFailed', label: 'Sync failed' },
  { type: 'SyncCancelled', label: 'Sync cancelled' },
];

/** What a new webhook subscribes to unless changed: how each sync ended. */
export const DEFAULT_WEBHOOK_EVENTS: WebhookEventType[] = ['SyncCompleted', 'SyncFailed', 'SyncCancelled'];
