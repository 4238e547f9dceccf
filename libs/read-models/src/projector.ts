import type { StoredEvent } from '@atlas/messaging';
import { READ_MODEL_COLLECTIONS, ReadModelStore } from '@atlas/store';
import type { ProjectorCheckpoint } from './documents';
import { projectChannels } from './projections/channels.projection';
import { projectConnections } from './projections/connections.projection';
import { projectGraphSnapshots } from './projections/graph-snapshots.projection';
import { projectJobs, recordRejectedEvent } from './projections/jobs.projection';
import { projectKnowledge } from './projections/knowledge.projection';
import { projectPipelineMetrics } from './projections/pipeline-metrics.projection';
import { Projection } from './projections/projection';
import { projectSchedules } from './projections/schedules.projection';
import { projectSearchIndex } from './projections/search-index.projection';
import { projectWebhooks } from './projections/webhooks.projection';

export const PROJECTOR_CHECKPOINT_ID = 'projector';

/**
 * Order matters: channels count messages before they are stored, jobs count graph documents after, the search index
 * reads the messages, facts and pages projectKnowledge wrote.
 */
const PROJECTIONS: Projection[] = [
  projectConnections,
  projectChannels,
  projectKnowledge,
  projectSearchIndex,
  projectGraphSnapshots,
  projectSchedules,
  projectJobs,
  projectPipelineMetrics,
  projectWebhooks,
];

/**
 * Folds the event log into the read models, one event at a time in log order. Each event's writes and
 * the checkpoint land in one transaction; every document also remembers the last sequence applied to
 * it, so a redelivered event changes nothing.
 */
export class Projector {
  constructor(private readonly store: ReadModelStore) {}

  async apply(stored: StoredEvent): Promise<void> {
    await this.store.transaction(async (tx) => {
      for (const projection of PROJECTIONS) await projection(tx, stored);
      await this.advance(tx, stored.seq);
    });
  }

  /** A message the projector could not read: recorded on its job, and the position moves past it. */
  async reject(seq: number, rejection: { jobId?: string; type?: string; reason: string }): Promise<void> {
    await this.store.transaction(async (tx) => {
      if (rejection.jobId) {
        await recordRejectedEvent(tx, rejection.jobId, { seq, type: rejection.type ?? null, reason: rejection.reason });
      }
      await this.advance(tx, seq);
    });
  }

  /** Empties every read model and the position, so the log can be folded again from its start. */
  async reset(): Promise<void> {
    await this.store.clear([...READ_MODEL_COLLECTIONS]);
    await this.store.delete('checkpoints', PROJECTOR_CHECKPOINT_ID);
  }

  async position(): Promise<number> {
    const checkpoint = await this.store.get<ProjectorCheckpoint>('checkpoints', PROJECTOR_CHECKPOINT_ID);
    return checkpoint?.last_seq ?? 0;
  }

  private async advance(tx: ReadModelStore, seq: number): Promise<void> {
    const current = await tx.get<ProjectorCheckpoint>('checkpoints', PROJECTOR_CHECKPOINT_ID);
    if (!current || current.last_seq < seq) await tx.put('checkpoints', { id: PROJECTOR_CHECKPOINT_ID, last_seq: seq });
  }
}
