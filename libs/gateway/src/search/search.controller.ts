import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { ApiErrors, ApiKeyRequired } from '../http/api-answers';
import { DEFAULT_PAGE_SIZE } from '../knowledge/knowledge.dto';
import { SearchPageView } from './search-hit';
import { SearchRequestQuery } from './search.dto';
import { SearchService } from './search.service';

/** Search over the knowledge base of every channel. */
@ApiKeyRequired()
@Controller('api/search')
export class SearchController {
  constructor(private readonly search: SearchService) {}

  @Get()
  @ApiOperation({
    summary: 'Facts, wiki sections and messages of every channel, ranked (BM25, entity boost, recency)',
  })
  @ApiOkResponse({ type: SearchPageView })
  @ApiErrors({ 400: ['VALIDATION_ERROR'] })
  find(@Query() query: SearchRequestQuery): Promise<SearchPageView> {
    return this.search.search({
      q: query.q,
      channelIds: query.channel_id,
      kinds: query.kind,
      factTypes: query.type,
      from: query.from,
      to: query.to,
      limit: query.limit ?? DEFAULT_PAGE_SIZE,
      cursor: query.cursor,
    });
  }
}
