import { Body, Controller, Get, Put, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { ApiErrors, ApiKeyRequired } from '../http/api-answers';
import { ListSchedulesQuery, UpdateScheduleDto } from './schedules.dto';
import { SchedulesListView, SchedulesService, ScheduleView } from './schedules.service';

@ApiKeyRequired()
@Controller('api/sync/schedules')
export class SchedulesController {
  constructor(private readonly schedules: SchedulesService) {}

  @Get()
  @ApiOperation({ summary: 'List sync schedules for channels' })
  @ApiOkResponse({ type: SchedulesListView })
  @ApiErrors({ 400: ['VALIDATION_ERROR'] })
  list(@Query() query: ListSchedulesQuery) {
    return this.schedules.list(query.channel_id);
  }

  @Put()
  @ApiOperation({ summary: "Set a channel's sync schedule" })
  @ApiOkResponse({ type: ScheduleView })
  @ApiErrors({ 400: ['VALIDATION_ERROR'], 404: ['CHANNEL_NOT_FOUND'] })
  update(@Body() body: UpdateScheduleDto) {
    return this.schedules.update({
      channel_id: body.channel_id,
      schedule: body.schedule,
      enabled: body.enabled ?? true,
      timezone: body.timezone ?? 'UTC',
    });
  }
}
