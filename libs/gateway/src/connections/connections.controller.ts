import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ChannelsQueries } from '@atlas/read-models';
import { CreateConnectionDto, ListChannelsQuery } from './connections.dto';
import { channelSummary, ConnectionsService } from './connections.service';

@Controller('api/connections')
export class ConnectionsController {
  constructor(private readonly connections: ConnectionsService) {}

  @Post()
  @HttpCode(201)
  create(@Body() body: CreateConnectionDto) {
    return this.connections.create({
      name: body.name,
      platform: body.platform,
      config: { ...body.config },
      credentials: body.credentials?.token ? { token: body.credentials.token } : null,
    });
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
