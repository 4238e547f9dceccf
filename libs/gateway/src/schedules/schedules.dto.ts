import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional, IsString, Length } from 'class-validator';

export class UpdateScheduleDto {
  @ApiProperty({ minLength: 1, maxLength: 200, example: 'C12345' })
  @IsString()
  @Length(1, 200)
  channel_id: string;
  /** 5-field cron expression, read in `timezone`. */
  @ApiProperty({ description: '5-field cron expression, read in `timezone`', maxLength: 200, example: '0 */2 * * *' })
  @IsString()
  @Length(1, 200)
  schedule: string;
  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean()
  enabled?: boolean;
  /** IANA time zone; UTC when omitted. */
  @ApiPropertyOptional({ description: 'IANA time zone', default: 'UTC', maxLength: 100, example: 'Europe/Berlin' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  timezone?: string;
}

export class ListSchedulesQuery {
  @ApiPropertyOptional({ description: "Only this channel's schedule", minLength: 1, maxLength: 200 })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  channel_id?: string;
}
