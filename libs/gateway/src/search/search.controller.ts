import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { ApiErrors, ApiKeyRequired } from '../http/api-answers';
import { SearchPageView } from './search-hit';
import { searchQueryOf, SearchRequestQuery } from './search.dto';
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
    return this.search.search(searchQueryOf(query));
  }
}
