import { TransientError } from '@atlas/common';
import type { EventDataOf } from '@atlas/events';
import type { PlatformConnector } from '@atlas/platforms';
import { JobsQueries, waitForProjection } from '@atlas/read-models';
import type { ReadModelStore } from '@atlas/store';

/** How long the fetcher waits for the projector to reach its job's SyncStarted before it retries later. */
const PROJECTION_WAIT_MS = 30_000;

/**
 * Whether the channel's stored messages have permalinks other than the connection's settings give now
 * (a Slack export's `workspace_url` added, changed or removed since they were fetched): then this sync
 * fetches the whole history again, as a forced one does, and the messages, their facts and the wiki's
 * citations get the current permalinks. An incremental sync would only fetch what is new.
 *
 * It compares the permalink of the channel's newest message as it stood when the job started (fixed by
 * the projector at SyncStarted), so every attempt of the fetch decides the same. A fetch reads oldest
 * first, so the newest message is the last one a refetch rewrites: one that stopped halfway leaves it
 * unchanged, and the next sync fetches the whole history again.
 */
export async function permalinksChanged(
  connector: PlatformConnector,
  started: EventDataOf<'SyncStarted'>,
  startedSeq: number,
  store: ReadModelStore,
  jobs: JobsQueries,
): Promise<boolean> {
  if (!connector.permalinkBase) return false;
  const base = connector.permalinkBase(started.channel_id);
  if (!(await waitForProjection(store, startedSeq, PROJECTION_WAIT_MS))) {
    throw new TransientError(
      'the read models are behind the job start; retrying when the projector has caught up',
      5_000,
    );
  }
  const stored = (await jobs.get(started.job_id))?.newest_permalink_at_start;
  if (stored === undefined) return false;
  return base === null ? stored !== null : stored === null || !stored.startsWith(base);
}
