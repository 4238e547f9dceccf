import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { ApiErrors, ApiKeyRequired } from '../http/api-answers';
import { JobHistoryListView, JobStatusView } from './job-view';
import { CancelSyncDto, SyncHistoryQuery, SyncStatusQuery, TriggerSyncDto } from './sync.dto';
import { CancelSyncView, SyncService, TriggerSyncView } from './sync.service';

/** The Sync API (../shared/spec/sync-api.md): trigger, monitor and cancel syncs of a channel. */
@ApiKeyRequired()
@Controller('api/sync')
export class SyncController {
  constructor(private readonly sync: SyncService) {}

  @Post()
  @HttpCode(202)
  @ApiOperation({ summary: 'Trigger synchronization for a channel' })
  @ApiAcceptedResponse({ type: TriggerSyncView, description: '`started`, or `queued` while other syncs run' })
  @ApiErrors({ 400: ['VALIDATION_ERROR'], 404: ['CHANNEL_NOT_FOUND'], 409: ['SYNC_IN_PROGRESS'] })
  trigger(@Body() body: TriggerSyncDto) {
    return this.sync.trigger(body.channel_id, body.force ?? false);
  }

  @Get('status')
  @ApiOperation({ summary: 'Get sync status for a channel (its latest job, or the one named)' })
  @ApiOkResponse({ type: JobStatusView })
  @ApiErrors({ 400: ['VALIDATION_ERROR'], 404: ['CHANNEL_NOT_FOUND', 'JOB_NOT_FOUND'] })
  status(@Query() query: SyncStatusQuery) {
    return this.sync.status(query.channel_id, query.job_id);
  }

  @Get('history')
  @ApiOperation({ summary: 'Get sync history for a channel, latest first' })
  @ApiOkResponse({ type: JobHistoryListView })
  @ApiErrors({ 400: ['VALIDATION_ERROR'], 404: ['CHANNEL_NOT_FOUND'] })
  history(@Query() query: SyncHistoryQuery) {
    return this.sync.history(query.channel_id, query.limit ?? 10);
  }

  @Post('cancel')
  @HttpCode(200)
  @ApiOperation({ summary: 'Cancel a queued or running sync job' })
  @ApiOkResponse({ type: CancelSyncView })
  @ApiErrors({ 400: ['VALIDATION_ERROR'], 404: ['JOB_NOT_FOUND'], 409: ['JOB_NOT_CANCELLABLE'] })
  cancel(@Body() body: CancelSyncDto) {
    return this.sync.cancel(body.job_id);
  }
}
