import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length } from 'class-validator';

/** GET /api/sync/events: no parameters streams every channel. */
export class SyncEventsQuery {
  @ApiPropertyOptional({ description: "Stream this channel's jobs", minLength: 1, maxLength: 200 })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  channel_id?: string;

  @ApiPropertyOptional({ description: 'Stream this job only', minLength: 1, maxLength: 200 })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  job_id?: string;

  /** Last-Event-ID for clients that cannot set headers; the header wins when both are sent. */
  @ApiPropertyOptional({
    description: 'Resume after this event id, for clients that cannot send the Last-Event-ID header',
    maxLength: 20,
  })
  @IsOptional()
  @IsString()
  @Length(0, 20)
  last_event_id?: string;

  /** A token from POST /api/sync/events/token (checked before routing, by the API key middleware). */
  @ApiPropertyOptional({
    description: 'A token from POST /api/sync/events/token, instead of the Authorization header (EventSource)',
    maxLength: 2000,
  })
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  token?: string;
}

/** POST /api/sync/events/token */
export class SyncEventsTokenView {
  @ApiProperty({ description: 'Opens GET /api/sync/events as `?token=`' }) token: string;
  @ApiProperty({ type: 'string', format: 'date-time' }) expires_at: string;
}
