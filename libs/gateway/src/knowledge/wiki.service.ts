import { Injectable } from '@nestjs/common';
import { ChannelsQueries, KnowledgeReadQueries } from '@atlas/read-models';
import { channelNotFound, wikiPageNotFound, wikiPageVersionNotFound } from './not-found';
import {
  WikiIndexView,
  wikiPageSummary,
  wikiPageVersionSummary,
  wikiPageVersionView,
  wikiPageView,
  WikiPageView,
  WikiVersionsView,
} from './wiki-view';

/** Slug prefixes of topic and entity pages (libs/knowledge/src/wiki/wiki-model.ts). */
const TOPIC_SLUG = 'topic-';
const ENTITY_SLUG = 'entity-';

@Injectable()
export class WikiService {
  constructor(
    private readonly channels: ChannelsQueries,
    private readonly knowledge: KnowledgeReadQueries,
  ) {}

  /** The channel's current pages; none before its first sync has written the wiki. */
  async index(channelId: string): Promise<WikiIndexView> {
    const [channel, pages] = await Promise.all([this.channels.get(channelId), this.knowledge.wikiPages(channelId)]);
    if (!channel) throw channelNotFound(channelId);
    return { channel_id: channelId, pages: pages.map(wikiPageSummary) };
  }

  /** The current page, or the given version of it (a version outlives a page the wiki dropped). */
  async page(channelId: string, slug: string, version: number | undefined): Promise<WikiPageView> {
    const current = await this.knowledge.wikiPage(channelId, slug);
    if (version === undefined || version === current?.version) {
      if (!current) throw await this.pageMissing(channelId, slug);
      return wikiPageView(current);
    }
    const found = await this.knowledge.wikiPageVersion(channelId, slug, version);
    if (found) return wikiPageVersionView(found);
    if (!current && (await this.knowledge.wikiPageVersions(channelId, slug)).length === 0)
      throw await this.pageMissing(channelId, slug);
    throw wikiPageVersionNotFound(channelId, slug, version);
  }

  /** Every version the page has had, newest first. */
  async versions(channelId: string, slug: string): Promise<WikiVersionsView> {
    const versions = await this.knowledge.wikiPageVersions(channelId, slug);
    if (versions.length === 0 && !(await this.knowledge.wikiPage(channelId, slug)))
      throw await this.pageMissing(channelId, slug);
    return { slug, versions: versions.map(wikiPageVersionSummary) };
  }

  private async pageMissing(channelId: string, slug: string) {
    if (!(await this.channels.get(channelId))) return channelNotFound(channelId);
    return wikiPageNotFound(channelId, slug, await this.movedTo(channelId, slug));
  }

  /**
   * A topic the channel also has as an entity shares the entity's one page: `topic-postgres` became
   * `entity-postgres` (both slugs are made from the same name). Where an old link leads now.
   */
  private async movedTo(channelId: string, slug: string): Promise<string | null> {
    if (!slug.startsWith(TOPIC_SLUG)) return null;
    const entitySlug = `${ENTITY_SLUG}${slug.slice(TOPIC_SLUG.length)}`;
    return (await this.knowledge.wikiPage(channelId, entitySlug)) ? entitySlug : null;
  }
}
