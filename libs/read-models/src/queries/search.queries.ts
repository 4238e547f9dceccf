import type { RankedDocument, ReadModelStore, Where } from '@atlas/store';
import type { ChannelDoc, EntityDoc, FactDoc, MessageDoc } from '../documents';
import { messageDocId } from '../projections/channels.projection';
import type { SearchEntryDoc } from '../search/search-entry';

export interface SearchIndexRequest {
  /** The search words; an entry matches when any of them begins one of its words. */
  text: string;
  channel_ids?: string[];
  /** SearchEntryDoc.filter_key values (`fact:<type>`, `message`, `wiki_section`); all when absent. */
  filter_keys?: string[];
  /** Bounds on the entry's time: `from` inclusive, `to` exclusive. */
  from?: string;
  to?: string;
  /** At most this many entries, the best by BM25. */
  limit: number;
}

/** Reads behind search: the index ranked by BM25, and the documents a hit shows beside its entry. */
export class SearchQueries {
  constructor(private readonly store: ReadModelStore) {}

  entries(request: SearchIndexRequest): Promise<RankedDocument<SearchEntryDoc>[]> {
    const where: Where = {};
    if (request.channel_ids) where.channel_id = { $in: request.channel_ids };
    if (request.filter_keys) where.filter_key = { $in: request.filter_keys };
    if (request.from !== undefined || request.to !== undefined) where.time = { $gte: request.from, $lt: request.to };
    return this.store.search<SearchEntryDoc>('search_entries', { text: request.text, where, limit: request.limit });
  }

  facts(ids: string[]): Promise<FactDoc[]> {
    return this.store.getMany<FactDoc>('facts', [...new Set(ids)]);
  }

  entities(ids: string[]): Promise<EntityDoc[]> {
    return this.store.getMany<EntityDoc>('entities', [...new Set(ids)]);
  }

  /** Messages by channel and platform id: `[channel_id, message_id]` pairs, as message hits name them. */
  messages(keys: Array<[channelId: string, messageId: string]>): Promise<MessageDoc[]> {
    return this.store.getMany<MessageDoc>('messages', [
      ...new Set(keys.map(([channel, id]) => messageDocId(channel, id))),
    ]);
  }

  /** Of these `[channel_id, message_id]` pairs, the messages some fact was extracted from, as `channel/message`. */
  async messagesWithFacts(keys: Array<[channelId: string, messageId: string]>): Promise<Set<string>> {
    const byChannel = new Map<string, string[]>();
    for (const [channel, id] of keys) byChannel.set(channel, [...(byChannel.get(channel) ?? []), id]);
    const found = new Set<string>();
    for (const [channel, ids] of byChannel) {
      const facts = await this.store.find<FactDoc>('facts', {
        where: { channel_id: channel, message_id: { $in: ids } },
      });
      for (const fact of facts) found.add(`${channel}/${fact.message_id}`);
    }
    return found;
  }

  channels(ids: string[]): Promise<ChannelDoc[]> {
    return this.store.getMany<ChannelDoc>('channels', [...new Set(ids)]);
  }
}
