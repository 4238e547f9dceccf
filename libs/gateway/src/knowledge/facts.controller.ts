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
}
