import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { CancelSyncDto, SyncHistoryQuery, SyncStatusQuery, TriggerSyncDto } from './sync.dto';
import { SyncService } from './sync.service';

/** The Sync API (../shared/spec/sync-api.md): trigger, monitor and cancel syncs of a channel. */
@Controller('api/sync')
export class SyncController {
  constructor(private readonly sync: SyncService) {}

  @Post()
  @HttpCode(202)
  trigger(@Body() body: TriggerSyncDto) {
    return this.sync.trigger(body.channel_id, body.force ?? false);
  }

  @Get('status')
  status(@Query() query: SyncStatusQuery) {
    return this.sync.status(query.channel_id, query.job_id);
  }

  @Get('history')
  history(@Query() query: SyncHistoryQuery) {
    return this.sync.history(query.channel_id, query.limit ?? 10);
  }

  @Post('cancel')
  @HttpCode(200)
  cancel(@Body() body: CancelSyncDto) {
    return this.sync.cancel(body.job_id);
  }
}
