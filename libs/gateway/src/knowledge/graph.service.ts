import { Injectable } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { ChannelsQueries, KnowledgeReadQueries } from '@atlas/read-models';
import { decodeCursor, encodeCursor } from './cursor';
import { entityView, EntityView, otherEnds, relationViews, RelationView } from './entity-view';
import { FactView } from './fact-view';
import { FactViewsService } from './fact-views.service';
import { DEFAULT_PAGE_SIZE, ListEntitiesQuery } from './knowledge.dto';
import { channelNotFound, entityNotFound } from './not-found';

/** How many of an entity's facts its page shows: the latest ones. */
export const ENTITY_RECENT_FACTS = 50;

export class EntitiesPageView {
  @ApiProperty({ type: [EntityView] }) entities: EntityView[];
  @ApiProperty({ type: 'string', nullable: true, description: 'Pass as `cursor` for the next page; null on the last' })
  next_cursor: string | null;
}

class CountedEntityView extends EntityView {
  @ApiProperty({ type: 'integer', description: 'All the facts about it' }) fact_count: number;
}

export class EntityDetailView {
  @ApiProperty({ type: CountedEntityView }) entity: CountedEntityView;
  @ApiProperty({ type: [RelationView], description: 'Strongest first' }) relations: RelationView[];
  @ApiProperty({ type: [FactView], description: `The latest ${ENTITY_RECENT_FACTS}` }) facts: FactView[];
}

@Injectable()
export class GraphService {
  constructor(
    private readonly channels: ChannelsQueries,
    private readonly knowledge: KnowledgeReadQueries,
    private readonly factViews: FactViewsService,
  ) {}

  /** Entities in (normalized name, id) order, filtered, one page at a time. */
  async list(query: ListEntitiesQuery): Promise<EntitiesPageView> {
    const after = decodeCursor(query.cursor);
    if (query.channel_id !== undefined && !(await this.channels.get(query.channel_id)))
      throw channelNotFound(query.channel_id);
    const page = await this.knowledge.entities(
      { channel_id: query.channel_id, types: query.type, name: query.name },
      { after, limit: query.limit ?? DEFAULT_PAGE_SIZE },
    );
    return { entities: page.items.map(entityView), next_cursor: encodeCursor(page.next_after) };
  }

  async get(entityId: string): Promise<EntityDetailView> {
    const entity = await this.knowledge.entity(entityId);
    if (!entity) throw entityNotFound(entityId);
    const [relations, facts, factCount] = await Promise.all([
      this.knowledge.relationsOf(entityId),
      this.knowledge.recentFactsOfEntity(entityId, ENTITY_RECENT_FACTS),
      this.knowledge.countFactsOfEntity(entityId),
    ]);
    const [others, factViews] = await Promise.all([
      this.knowledge.entitiesByIds(otherEnds(entityId, relations)),
      this.factViews.of(facts),
    ]);
    return {
      entity: { ...entityView(entity), fact_count: factCount },
      relations: relationViews(entityId, relations, others),
      facts: factViews,
    };
  }
}
