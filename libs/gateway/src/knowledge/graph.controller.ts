import { Controller, Get, Param, Query } from '@nestjs/common';
import { GraphService } from './graph.service';
import { ListEntitiesQuery } from './knowledge.dto';

/** The knowledge graph: entities, their relations and the facts about them. */
@Controller('api/graph')
export class GraphController {
  constructor(private readonly graph: GraphService) {}

  @Get('entities')
  list(@Query() query: ListEntitiesQuery) {
    return this.graph.list(query);
  }

  @Get('entities/:entity_id')
  get(@Param('entity_id') entityId: string) {
    return this.graph.get(entityId);
  }
}
