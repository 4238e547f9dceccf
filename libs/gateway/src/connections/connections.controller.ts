import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { ChannelsQueries } from '@atlas/read-models';
import { ApiErrors, ApiKeyRequired, PLATFORM_CHECK_ERRORS } from '../http/api-answers';
import { ConnectionCheck, ConnectionUpdatesService } from './connection-updates.service';
import { CreateConnectionDto, ListChannelsQuery, UpdateConnectionDto } from './connections.dto';
import {
  channelSummary,
  ChannelsListView,
  ConnectionsListView,
  ConnectionsService,
  ConnectionView,
  CreatedConnectionView,
  DeletedConnectionView,
} from './connections.service';

const NOT_FOUND = { 404: ['CONNECTION_NOT_FOUND'] } as const;

@ApiKeyRequired()
@Controller('api/connections')
export class ConnectionsController {
  constructor(
    private readonly connections: ConnectionsService,
    private readonly updates: ConnectionUpdatesService,
  ) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Connect a platform: checks it and registers the channels it shows' })
  @ApiCreatedResponse({ type: CreatedConnectionView })
  @ApiErrors({ 400: ['VALIDATION_ERROR'], 409: ['CONNECTION_EXISTS'] }, PLATFORM_CHECK_ERRORS)
  create(@Body() body: CreateConnectionDto) {
    return this.connections.create({
      name: body.name,
      platform: body.platform,
      config: { ...body.config },
      credentials: body.credentials ? { ...body.credentials } : null,
    });
  }

  /** Renames, changes settings or rotates credentials; credentials are checked with the platform first. */
  @Put(':connection_id')
  @ApiOperation({ summary: 'Rename, change settings or rotate credentials (checked with the platform first)' })
  @ApiOkResponse({ type: ConnectionView })
  @ApiErrors({ 400: ['VALIDATION_ERROR'], 409: ['CONNECTION_CHANGED'] }, NOT_FOUND, PLATFORM_CHECK_ERRORS)
  update(@Param('connection_id') connectionId: string, @Body() body: UpdateConnectionDto) {
    return this.updates.update(connectionId, {
      name: body.name,
      config: body.config,
      credentials: body.credentials && { ...body.credentials },
    });
  }

  /** Checks credentials and reachability without syncing. */
  @Post(':connection_id/test')
  @HttpCode(200)
  @ApiOperation({ summary: 'Check credentials and reachability without syncing (a failed check is a 200 too)' })
  @ApiOkResponse({ type: ConnectionCheck })
  @ApiErrors(NOT_FOUND)
  test(@Param('connection_id') connectionId: string) {
    return this.updates.test(connectionId);
  }

  @Get()
  @ApiOperation({ summary: 'List connections with their channels' })
  @ApiOkResponse({ type: ConnectionsListView })
  list() {
    return this.connections.list();
  }

  @Get(':connection_id')
  @ApiOperation({ summary: 'Get a connection with its channels' })
  @ApiOkResponse({ type: ConnectionView })
  @ApiErrors(NOT_FOUND)
  get(@Param('connection_id') connectionId: string) {
    return this.connections.get(connectionId);
  }

  @Delete(':connection_id')
  @ApiOperation({ summary: 'Delete a connection: cancels its syncs, removes its channels, keeps their knowledge' })
  @ApiOkResponse({ type: DeletedConnectionView })
  @ApiErrors(NOT_FOUND)
  delete(@Param('connection_id') connectionId: string) {
    return this.connections.delete(connectionId);
  }
}

@ApiKeyRequired()
@Controller('api/channels')
export class ChannelsController {
  constructor(private readonly channels: ChannelsQueries) {}

  @Get()
  @ApiOperation({ summary: 'List channels, of every connection or of one' })
  @ApiOkResponse({ type: ChannelsListView })
  @ApiErrors({ 400: ['VALIDATION_ERROR'] })
  async list(@Query() query: ListChannelsQuery) {
    const channels = await this.channels.list({ connection_id: query.connection_id });
    return { channels: channels.map(channelSummary) };
  }
}
