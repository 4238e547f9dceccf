import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { ListFactsQuery, WikiPageQuery } from '../knowledge/knowledge.dto';

/**
 * Inputs of the MCP tools whose REST route takes part of its input in the path: the route's own DTO with the
 * path's ids added, under the rule the REST API gives ids where it validates them (SyncStatusQuery.channel_id,
 * ListEntitiesQuery.channel_id). Tools whose route takes one DTO use that DTO as it is (mcp-tools.ts).
 */
function Id(description: string) {
  return applyDecorators(ApiProperty({ description, minLength: 1, maxLength: 200 }), IsString(), Length(1, 200));
}

/** get_facts: GET /api/channels/{channel_id}/facts */
export class GetFactsInput extends ListFactsQuery {
  @Id('The channel (list_channels gives them)') channel_id: string;
}

/** get_entity: GET /api/graph/entities/{entity_id} */
export class GetEntityInput {
  @Id("An entity id: a fact's `entities[].id`, or one of search's or get_facts' answers") entity_id: string;
}

/** list_wiki_pages: GET /api/wiki/{channel_id} */
export class ListWikiPagesInput {
  @Id('The channel (list_channels gives them)') channel_id: string;
}

/** get_wiki_page: GET /api/wiki/{channel_id}/pages/{slug} */
export class GetWikiPageInput extends WikiPageQuery {
  @Id('The channel (list_channels gives them)') channel_id: string;
  @Id("The page's slug (list_wiki_pages gives them)") slug: string;
}
