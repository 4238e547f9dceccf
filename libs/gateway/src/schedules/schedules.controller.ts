import { Body, Controller, Get, Put, Query } from '@nestjs/common';
import { ListSchedulesQuery, UpdateScheduleDto } from './schedules.dto';
import { SchedulesService } from './schedules.service';

@Controller('api/sync/schedules')
export class SchedulesController {
  constructor(private readonly schedules: SchedulesService) {}

  @Get()
  list(@Query() query: ListSchedulesQuery) {
    return this.schedules.list(query.channel_id);
  }

  @Put()
  update(@Body() body: UpdateScheduleDto) {
    return this.schedules.update({
      channel_id: body.channel_id,
      schedule: body.schedule,
      enabled: body.enabled ?? true,
      timezone: body.timezone ?? 'UTC',
    });
  }
}
