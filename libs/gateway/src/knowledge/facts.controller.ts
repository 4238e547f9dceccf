import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { ApiErrors, ApiKeyRequired } from '../http/api-answers';
import { FactsPageView, FactsService } from './facts.service';
import { ListFactsQuery } from './knowledge.dto';

/** The facts extracted from a channel. */
@ApiKeyRequired()
@Controller('api/channels')
export class FactsController {
  constructor(private readonly facts: FactsService) {}

  @Get(':channel_id/facts')
  @ApiOperation({ summary: "A channel's facts in time order, filtered, one page at a time" })
  @ApiOkResponse({ type: FactsPageView })
  @ApiErrors({ 400: ['VALIDATION_ERROR'], 404: ['CHANNEL_NOT_FOUND'] })
  list(@Param('channel_id') channelId: string, @Query() query: ListFactsQuery) {
    return this.facts.list(channelId, query);
  }
}
