import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { ApiErrors, ApiKeyRequired } from '../http/api-answers';
import { EntitiesPageView, EntityDetailView, GraphService } from './graph.service';
import { ListEntitiesQuery } from './knowledge.dto';

/** The knowledge graph: entities, their relations and the facts about them. */
@ApiKeyRequired()
@Controller('api/graph')
export class GraphController {
  constructor(private readonly graph: GraphService) {}

  @Get('entities')
  @ApiOperation({ summary: 'Entities of the knowledge graph by name, filtered, one page at a time' })
  @ApiOkResponse({ type: EntitiesPageView })
  @ApiErrors({ 400: ['VALIDATION_ERROR'], 404: ['CHANNEL_NOT_FOUND'] })
  list(@Query() query: ListEntitiesQuery) {
    return this.graph.list(query);
  }

  @Get('entities/:entity_id')
  @ApiOperation({ summary: 'An entity with its relations and latest facts' })
  @ApiOkResponse({ type: EntityDetailView })
  @ApiErrors({ 404: ['ENTITY_NOT_FOUND'] })
  get(@Param('entity_id') entityId: string) {
    return this.graph.get(entityId);
  }
}
