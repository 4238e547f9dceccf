import type { ReadModelStore, Where } from '@atlas/store';
import type { EntityDoc, GraphSnapshotEntityDoc, GraphSnapshotHeaderDoc } from '../documents';
import { graphSnapshotHeaderId } from '../projections/graph-snapshots.projection';
import type { GraphEntityFields } from '../stage-views';

const PAGE = 1000;

/** A channel's graph as it stood when a job started, and the channel's name then. */
export interface GraphAtJobStart {
  channelName: string;
  entities: GraphEntityFields[];
}

/** The graph as the stages read it back: what a channel's next batches resolve their entities against. */
export class GraphQueries {
  constructor(private readonly store: ReadModelStore) {}

  /** Every entity the channel's facts name, read in pages. */
  async entitiesOfChannel(channelId: string): Promise<EntityDoc[]> {
    return this.paged<EntityDoc>('entities', { channel_ids: { $contains: channelId } });
  }

  /**
   * The snapshot the projector took at the job's SyncStarted (see projectGraphSnapshots); null when there is
   * none: the projector has not reached the SyncStarted yet, the job ended, or an older projector applied it.
   */
  async graphAtJobStart(jobId: string): Promise<GraphAtJobStart | null> {
    const header = await this.store.get<GraphSnapshotHeaderDoc>('graph_snapshots', graphSnapshotHeaderId(jobId));
    if (!header) return null;
    // One read, sorted once: paging by id would sort the job's whole snapshot again for every page.
    const docs = await this.store.find<GraphSnapshotEntityDoc>('graph_snapshots', {
      where: { job_id: jobId, kind: 'entity' },
    });
    return {
      channelName: header.channel_name,
      entities: docs.map((doc) => doc.entity).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
    };
  }

  private async paged<D extends { id: string }>(collection: string, where: Where): Promise<D[]> {
    const found: D[] = [];
    let afterId: string | null = null;
    for (;;) {
      const page: D[] = await this.store.find<D>(collection, {
        where: afterId === null ? where : { ...where, id: { $gt: afterId } },
        orderBy: [['id', 'asc']],
        limit: PAGE,
      });
      found.push(...page);
      if (page.length < PAGE) return found;
      afterId = page[page.length - 1].id;
    }
  }
}
