import type { EntityType, FactType } from '@atlas/events';
import type { ReadModelStore, Where } from '@atlas/store';
import type { EntityDoc, FactDoc, MessageDoc, RelationDoc, WikiPageDoc, WikiPageVersionDoc } from '../documents';

/** One page of a keyset-paged listing: `next_after` is the sort key to resume after, null on the last page. */
export interface KeysetPage<T> {
  items: T[];
  next_after: string | null;
}

export interface KeysetRequest {
  /** Sort key of the last item already seen; null for the first page. */
  after: string | null;
  limit: number;
}

export interface FactFilter {
  channel_id: string;
  types?: FactType[];
  /** Graph entity id the fact must be about. */
  entity_id?: string;
  /** A search query: every word of it begins a word of the fact's text (case and diacritics ignored, full-text index). */
  text?: string;
  /** Bounds on valid_at: `from` inclusive, `to` exclusive (ISO 8601 as toISOString writes it). */
  from?: string;
  to?: string;
}

export interface EntityFilter {
  channel_id?: string;
  types?: EntityType[];
  /** Case-insensitive substring of the entity's name. */
  name?: string;
}

/** Reads behind the knowledge API: facts, the graph and wiki pages, filtered and paged by their sort keys. */
export class KnowledgeReadQueries {
  constructor(private readonly store: ReadModelStore) {}

  /** Facts in (valid_at, id) order. */
  facts(filter: FactFilter, page: KeysetRequest): Promise<KeysetPage<FactDoc>> {
    const where: Where = { channel_id: filter.channel_id };
    if (filter.types) where.type = { $in: filter.types };
    if (filter.entity_id !== undefined) where.entity_ids = { $contains: filter.entity_id };
    if (filter.text !== undefined) where.text = { $matches: filter.text };
    if (filter.from !== undefined || filter.to !== undefined) where.valid_at = { $gte: filter.from, $lt: filter.to };
    return this.keysetPage<FactDoc>('facts', where, page);
  }

  /** A channel's messages after `after` up to `until` (inclusive), oldest first, at most `limit`. */
  messagesBetween(channelId: string, after: string, until: string, limit: number): Promise<MessageDoc[]> {
    return this.store.find<MessageDoc>('messages', {
      where: { channel_id: channelId, timestamp: { $gt: after, $lte: until } },
      orderBy: [['timestamp', 'asc']],
      limit,
    });
  }

  fact(id: string): Promise<FactDoc | null> {
    return this.store.get<FactDoc>('facts', id);
  }

  /** The latest facts about an entity, newest first. */
  recentFactsOfEntity(entityId: string, limit: number): Promise<FactDoc[]> {
    return this.store.find<FactDoc>('facts', {
      where: { entity_ids: { $contains: entityId } },
      orderBy: [['sort_key', 'desc']],
      limit,
    });
  }

  countFactsOfEntity(entityId: string): Promise<number> {
    return this.store.count('facts', { entity_ids: { $contains: entityId } });
  }

  /** Entities in (normalized name, id) order. */
  entities(filter: EntityFilter, page: KeysetRequest): Promise<KeysetPage<EntityDoc>> {
    const where: Where = {};
    if (filter.channel_id !== undefined) where.channel_ids = { $contains: filter.channel_id };
    if (filter.types) where.type = { $in: filter.types };
    if (filter.name !== undefined) where.name = { $includes: filter.name };
    return this.keysetPage<EntityDoc>('entities', where, page);
  }

  entity(id: string): Promise<EntityDoc | null> {
    return this.store.get<EntityDoc>('entities', id);
  }

  entitiesByIds(ids: string[]): Promise<EntityDoc[]> {
    return ids.length === 0 ? Promise.resolve([]) : this.store.getMany<EntityDoc>('entities', [...new Set(ids)]);
  }

  /** Relations the entity is the source or the target of (a self-relation once). */
  async relationsOf(entityId: string): Promise<RelationDoc[]> {
    const [outgoing, incoming] = await Promise.all([
      this.store.find<RelationDoc>('relations', { where: { source_id: entityId } }),
      this.store.find<RelationDoc>('relations', { where: { target_id: entityId } }),
    ]);
    const byId = new Map([...outgoing, ...incoming].map((relation) => [relation.id, relation]));
    return [...byId.values()];
  }

  wikiPages(channelId: string): Promise<WikiPageDoc[]> {
    return this.store.find<WikiPageDoc>('wiki_pages', { where: { channel_id: channelId }, orderBy: [['slug', 'asc']] });
  }

  async wikiPage(channelId: string, slug: string): Promise<WikiPageDoc | null> {
    const [page] = await this.store.find<WikiPageDoc>('wiki_pages', {
      where: { channel_id: channelId, slug },
      limit: 1,
    });
    return page ?? null;
  }

  /** The channel's current pages in slug order, `limit` at a time after the slug `after` (an export streams them). */
  wikiPagesAfter(channelId: string, after: string | null, limit: number): Promise<WikiPageDoc[]> {
    return this.store.find<WikiPageDoc>('wiki_pages', {
      where: after === null ? { channel_id: channelId } : { channel_id: channelId, slug: { $gt: after } },
      orderBy: [['slug', 'asc']],
      limit,
    });
  }

  /** Relations of the channel in id order, `limit` at a time after the id `after`. */
  relationsOfChannelAfter(channelId: string, after: string | null, limit: number): Promise<RelationDoc[]> {
    const inChannel = { channel_ids: { $contains: channelId } };
    return this.store.find<RelationDoc>('relations', {
      where: after === null ? inChannel : { ...inChannel, id: { $gt: after } },
      orderBy: [['id', 'asc']],
      limit,
    });
  }

  /** Newest first. */
  wikiPageVersions(channelId: string, slug: string): Promise<WikiPageVersionDoc[]> {
    return this.store.find<WikiPageVersionDoc>('wiki_page_versions', {
      where: { channel_id: channelId, slug },
      orderBy: [['version', 'desc']],
    });
  }

  async wikiPageVersion(channelId: string, slug: string, version: number): Promise<WikiPageVersionDoc | null> {
    const [found] = await this.store.find<WikiPageVersionDoc>('wiki_page_versions', {
      where: { channel_id: channelId, slug, version },
      limit: 1,
    });
    return found ?? null;
  }

  /** One more than asked is read, so the last page is known without a second query. */
  private async keysetPage<T extends FactDoc | EntityDoc>(
    collection: string,
    where: Where,
    { after, limit }: KeysetRequest,
  ): Promise<KeysetPage<T>> {
    const found = await this.store.find<T>(collection, {
      where: after === null ? where : { ...where, sort_key: { $gt: after } },
      orderBy: [['sort_key', 'asc']],
      limit: limit + 1,
    });
    const items = found.slice(0, limit);
    return { items, next_after: found.length > limit ? items[items.length - 1].sort_key : null };
  }
}
