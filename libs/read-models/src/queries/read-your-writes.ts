import { waitUntil } from '@atlas/common';
import type { ReadModelStore } from '@atlas/store';
import type { ProjectorCheckpoint } from '../documents';
import { PROJECTOR_CHECKPOINT_ID } from '../projector';

/**
 * Waits, bounded, until the projector has applied the event at `seq`: a write's answer is sent only
 * once any read that follows shows it. Returns false when the bound passed first.
 */
export async function waitForProjection(store: ReadModelStore, seq: number, timeoutMs: number): Promise<boolean> {
  const reached = await waitUntil(
    async () => {
      const checkpoint = await store.get<ProjectorCheckpoint>('checkpoints', PROJECTOR_CHECKPOINT_ID);
      return (checkpoint?.last_seq ?? 0) >= seq ? true : undefined;
    },
    { timeoutMs, intervalMs: 5 },
  );
  return reached === true;
}
