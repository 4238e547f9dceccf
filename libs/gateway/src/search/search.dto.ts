import { ApiPropertyOptional, ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, Length } from 'class-validator';
import { FACT_TYPES } from '@atlas/events';
import type { FactType } from '@atlas/events';
import { SEARCH_KINDS } from '@atlas/read-models';
import type { SearchKind } from '@atlas/read-models';
import { IsInstant } from '../knowledge/instant';
import { commaList, DEFAULT_PAGE_SIZE, PageQuery } from '../knowledge/knowledge.dto';
import { IsSearchQuery } from '../knowledge/search-words';
import type { SearchQuery } from './search.service';

const LIST = { style: 'form', explode: true, description: 'One or more, repeated or comma-separated' } as const;
const MAX_CHANNELS = 100;

/** GET /api/search */
export class SearchRequestQuery extends PageQuery {
  @ApiProperty({
    description: 'Search words: a hit holds at least one (each may begin a longer word); case and accents ignored',
    maxLength: 200,
  })
  @IsString()
  @Length(1, 200)
  @IsSearchQuery()
  q: string;
  @ApiPropertyOptional({ ...LIST, type: [String], description: 'Only these channels (one or more)' })
  @IsOptional()
  @Transform(commaList)
  @IsArray()
  @ArrayMaxSize(MAX_CHANNELS)
  @IsString({ each: true })
  @Length(1, 200, { each: true })
  channel_id?: string[];
  @ApiPropertyOptional({ ...LIST, enum: SEARCH_KINDS, isArray: true, description: 'Only these kinds of hit' })
  @IsOptional()
  @Transform(commaList)
  @IsArray()
  @ArrayMaxSize(SEARCH_KINDS.length * 2)
  @IsIn(SEARCH_KINDS, { each: true, message: `kind must be one or more of: ${SEARCH_KINDS.join(', ')}` })
  kind?: SearchKind[];
  @ApiPropertyOptional({
    ...LIST,
    enum: FACT_TYPES,
    isArray: true,
    description: 'Only facts of these types (alone: only facts; with `kind`, it must include fact)',
  })
  @IsOptional()
  @Transform(commaList)
  @IsArray()
  @ArrayMaxSize(FACT_TYPES.length * 2)
  @IsIn(FACT_TYPES, { each: true, message: `type must be one or more of: ${FACT_TYPES.join(', ')}` })
  type?: FactType[];
  @ApiPropertyOptional({ description: "A hit's time from (inclusive): an ISO 8601 date or date-time" })
  @IsOptional()
  @IsInstant()
  from?: string;
  @ApiPropertyOptional({ description: "A hit's time to (exclusive): an ISO 8601 date or date-time" })
  @IsOptional()
  @IsInstant()
  to?: string;
}

/** What the search service is asked, from the request as the REST route and the MCP tool take it. */
export function searchQueryOf(request: SearchRequestQuery): SearchQuery {
  return {
    q: request.q,
    channelIds: request.channel_id,
    kinds: request.kind,
    factTypes: request.type,
    from: request.from,
    to: request.to,
    limit: request.limit ?? DEFAULT_PAGE_SIZE,
    cursor: request.cursor,
  };
}
