import { stableId } from '@atlas/common';
import { TERMINAL_EVENT_TYPES } from '@atlas/events';
import type { ReadModelStore } from '@atlas/store';
import type { ChannelDoc, EntityDoc, GraphSnapshotEntityDoc, GraphSnapshotHeaderDoc } from '../documents';
import type { Projection } from './projection';
import { graphEntityOfDoc } from '../stage-views';

const PAGE = 1000;

export const graphSnapshotHeaderId = (jobId: string) => stableId('graph-snapshot', jobId);
const graphSnapshotEntityId = (jobId: string, entityId: string) => stableId('graph-snapshot', jobId, entityId);

/**
 * The graph of a channel as it stood at a job's SyncStarted, kept until the job ends. The stages of the job
 * resolve against it rather than against the live graph, which the job itself (and the projector's lag)
 * changes while it runs: a restarted stage then starts from the same graph as the attempt before it.
 * Being a projection, it is exactly the fold of the log up to the SyncStarted, whenever it is read.
 */
export const projectGraphSnapshots: Projection = async (tx, { seq, event }) => {
  if (event.type === 'SyncStarted') {
    await snapshotGraph(tx, event.data.job_id, event.data.channel_id, seq);
  } else if ((TERMINAL_EVENT_TYPES as readonly string[]).includes(event.type)) {
    await tx.deleteWhere('graph_snapshots', { job_id: (event.data as { job_id: string }).job_id });
  }
};

async function snapshotGraph(tx: ReadModelStore, jobId: string, channelId: string, seq: number): Promise<void> {
  const headerId = graphSnapshotHeaderId(jobId);
  const existing = await tx.get<GraphSnapshotHeaderDoc>('graph_snapshots', headerId);
  if (existing && existing.last_seq >= seq) return;
  let count = 0;
  let afterId: string | null = null;
  for (;;) {
    const page: EntityDoc[] = await tx.find<EntityDoc>('entities', {
      where:
        afterId === null
          ? { channel_ids: { $contains: channelId } }
          : { channel_ids: { $contains: channelId }, id: { $gt: afterId } },
      orderBy: [['id', 'asc']],
      limit: PAGE,
    });
    await tx.putMany(
      'graph_snapshots',
      page.map((doc): GraphSnapshotEntityDoc => ({
        id: graphSnapshotEntityId(jobId, doc.id),
        kind: 'entity',
        job_id: jobId,
        channel_id: channelId,
        entity: graphEntityOfDoc(doc),
        last_seq: seq,
      })),
    );
    count += page.length;
    if (page.length < PAGE) break;
    afterId = page[page.length - 1].id;
  }
  const channel = await tx.get<ChannelDoc>('channels', channelId);
  const header: GraphSnapshotHeaderDoc = {
    id: headerId,
    kind: 'header',
    job_id: jobId,
    channel_id: channelId,
    channel_name: channel?.name ?? channelId,
    entities: count,
    last_seq: seq,
  };
  await tx.put('graph_snapshots', header);
}
