import type { ReadModelStore } from '@atlas/store';
import type { EntityDoc, FactDoc, MessageDoc, RelationDoc, WikiPageDoc } from '../documents';
import { messageDocId } from '../projections/channels.projection';

const PAGE = 500;

export class KnowledgeQueries {
  constructor(private readonly store: ReadModelStore) {}

  /**
   * Every current fact of a channel, read in pages along the (channel_id, message_id) index, a message's facts
   * in one page: paging by fact id instead made each page sort all of the channel's facts. Callers sort as they need.
   */
  async *factsOfChannel(channelId: string): AsyncGenerator<FactDoc> {
    let afterMessage: string | null = null;
    for (;;) {
      const page: FactDoc[] = await this.store.find<FactDoc>('facts', {
        where:
          afterMessage === null
            ? { channel_id: channelId }
            : { channel_id: channelId, message_id: { $gt: afterMessage } },
        orderBy: [['message_id', 'asc']],
        limit: PAGE,
      });
      if (page.length < PAGE) return yield* page;
      // The last message's facts may go on past the page: they are read again, whole, with the next one.
      const last = page[page.length - 1].message_id;
      const whole = page.filter((fact) => fact.message_id !== last);
      if (whole.length === 0) {
        yield* await this.store.find<FactDoc>('facts', { where: { channel_id: channelId, message_id: last } });
        afterMessage = last;
      } else {
        yield* whole;
        afterMessage = whole[whole.length - 1].message_id;
      }
    }
  }

  /** One stored message of the channel, by its platform id. */
  message(channelId: string, messageId: string): Promise<MessageDoc | null> {
    return this.store.get<MessageDoc>('messages', messageDocId(channelId, messageId));
  }

  async messages(channelId: string, messageIds: string[]): Promise<MessageDoc[]> {
    const ids = [...new Set(messageIds)].map((id) => messageDocId(channelId, id));
    const found: MessageDoc[] = [];
    for (let i = 0; i < ids.length; i += PAGE)
      found.push(...(await this.store.getMany<MessageDoc>('messages', ids.slice(i, i + PAGE))));
    return found;
  }

  entities(ids: string[]): Promise<EntityDoc[]> {
    return this.store.getMany<EntityDoc>('entities', ids);
  }

  relationsOfChannel(channelId: string): Promise<RelationDoc[]> {
    return this.store.find<RelationDoc>('relations', { where: { channel_ids: { $contains: channelId } } });
  }

  wikiPages(channelId: string): Promise<WikiPageDoc[]> {
    return this.store.find<WikiPageDoc>('wiki_pages', { where: { channel_id: channelId }, orderBy: [['slug', 'asc']] });
  }
}
