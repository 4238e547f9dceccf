import { Logger } from '@nestjs/common';
import { TransientError } from '@atlas/common';
import type { EventDataOf } from '@atlas/events';
import {
  ChannelsQueries,
  GraphAtJobStart,
  graphEntityOfDoc,
  GraphQueries,
  waitForProjection,
} from '@atlas/read-models';
import type { ReadModelStore } from '@atlas/store';

/** How long a stage waits for the projector to reach its job's SyncStarted before it retries later. */
const PROJECTION_WAIT_MS = 30_000;

const log = new Logger('GraphAtJobStart');

/**
 * The channel's graph as it stood at the job's SyncStarted (`startedSeq`): what every attempt of a stage
 * starts from, however far the job, and the projector, got before an earlier attempt died.
 */
export async function graphAtJobStart(
  read: { store: ReadModelStore; graph: GraphQueries; channels: ChannelsQueries },
  started: EventDataOf<'SyncStarted'>,
  startedSeq: number,
): Promise<GraphAtJobStart> {
  if (!(await waitForProjection(read.store, startedSeq, PROJECTION_WAIT_MS))) {
    throw new TransientError(
      'the read models are behind the job start; retrying when the projector has caught up',
      5_000,
    );
  }
  const snapshot = await read.graph.graphAtJobStart(started.job_id);
  if (snapshot) return snapshot;
  // The job ended meanwhile (its writer stops the stage), or a projector without snapshots applied its start.
  log.warn(`no graph snapshot for ${started.job_id}: resolving against the live graph`);
  const channel = await read.channels.get(started.channel_id);
  return {
    channelName: channel?.name ?? started.channel_id,
    entities: (await read.graph.entitiesOfChannel(started.channel_id)).map(graphEntityOfDoc),
  };
}
