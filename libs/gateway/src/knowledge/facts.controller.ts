import { Controller, Get, Param, Query } from '@nestjs/common';
import { FactsService } from './facts.service';
import { ListFactsQuery } from './knowledge.dto';

/** The facts extracted from a channel. */
@Controller('api/channels')
export class FactsController {
  constructor(private readonly facts: FactsService) {}

  @Get(':channel_id/facts')
  list(@Param('channel_id') channelId: string, @Query() query: ListFactsQuery) {
    return this.facts.list(channelId, query);
  }

  @Get(':channel_id/facts/:fact_id')
  get(@Param('channel_id') channelId: string, @Param('fact_id') factId: string) {
    return this.facts.get(channelId, factId);
  }
}
