import { Injectable } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { ChannelsQueries, KnowledgeReadQueries } from '@atlas/read-models';
import { decodeCursor, encodeCursor } from './cursor';
import { FactView } from './fact-view';
import { FactViewsService } from './fact-views.service';
import { timeRange } from './instant';
import { DEFAULT_PAGE_SIZE, ListFactsQuery } from './knowledge.dto';
import { channelNotFound } from './not-found';

export class FactsPageView {
  @ApiProperty() channel_id: string;
  @ApiProperty({ type: [FactView] }) facts: FactView[];
  @ApiProperty({ type: 'string', nullable: true, description: 'Pass as `cursor` for the next page; null on the last' })
  next_cursor: string | null;
}

@Injectable()
export class FactsService {
  constructor(
    private readonly channels: ChannelsQueries,
    private readonly knowledge: KnowledgeReadQueries,
    private readonly views: FactViewsService,
  ) {}

  /** A channel's facts in (valid_at, id) order, filtered, one page at a time. */
  async list(channelId: string, query: ListFactsQuery): Promise<FactsPageView> {
    const after = decodeCursor(query.cursor);
    const { from, to } = timeRange(query.from, query.to);
    if (!(await this.channels.get(channelId))) throw channelNotFound(channelId);
    const page = await this.knowledge.facts(
      { channel_id: channelId, types: query.type, entity_id: query.entity, text: query.q, from, to },
      { after, limit: query.limit ?? DEFAULT_PAGE_SIZE },
    );
    return {
      channel_id: channelId,
      facts: await this.views.of(page.items),
      next_cursor: encodeCursor(page.next_after),
    };
  }
}
