import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ChannelsQueries } from '@atlas/read-models';
import { ConnectionUpdatesService } from './connection-updates.service';
import { CreateConnectionDto, ListChannelsQuery, UpdateConnectionDto } from './connections.dto';
import { channelSummary, ConnectionsService } from './connections.service';

@Controller('api/connections')
export class ConnectionsController {
  constructor(
    private readonly connections: ConnectionsService,
    private readonly updates: ConnectionUpdatesService,
  ) {}

  @Post()
  @HttpCode(201)
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
  test(@Param('connection_id') connectionId: string) {
    return this.updates.test(connectionId);
  }

  @Get()
  list() {
    return this.connections.list();
  }

  @Get(':connection_id')
  get(@Param('connection_id') connectionId: string) {
    return this.connections.get(connectionId);
  }

  @Delete(':connection_id')
  delete(@Param('connection_id') connectionId: string) {
    return this.connections.delete(connectionId);
  }
}

@Controller('api/channels')
export class ChannelsController {
  constructor(private readonly channels: ChannelsQueries) {}

  @Get()
  async list(@Query() query: ListChannelsQuery) {
    const channels = await this.channels.list({ connection_id: query.connection_id });
    return { channels: channels.map(channelSummary) };
  }
}
