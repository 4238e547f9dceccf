import type { ReadModelStore } from '@atlas/store';
import type { EntityDoc } from '../documents';

const PAGE = 1000;

/** The graph as the stages read it back: what a channel's next batches resolve their entities against. */
export class GraphQueries {
  constructor(private readonly store: ReadModelStore) {}

  /** Every entity the channel's facts name, read in pages. */
  async entitiesOfChannel(channelId: string): Promise<EntityDoc[]> {
    const entities: EntityDoc[] = [];
    let afterId: string | null = null;
    for (;;) {
      const page: EntityDoc[] = await this.store.find<EntityDoc>('entities', {
        where:
          afterId === null
            ? { channel_ids: { $contains: channelId } }
            : { channel_ids: { $contains: channelId }, id: { $gt: afterId } },
        orderBy: [['id', 'asc']],
        limit: PAGE,
      });
      entities.push(...page);
      if (page.length < PAGE) return entities;
      afterId = page[page.length - 1].id;
    }
  }
}
