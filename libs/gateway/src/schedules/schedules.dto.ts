import { IsBoolean, IsOptional, IsString, Length } from 'class-validator';

export class UpdateScheduleDto {
  @IsString() @Length(1, 200) channel_id: string;
  /** 5-field cron expression, read in `timezone`. */
  @IsString() @Length(1, 200) schedule: string;
  @IsOptional() @IsBoolean() enabled?: boolean;
  /** IANA time zone; UTC when omitted. */
  @IsOptional() @IsString() @Length(1, 100) timezone?: string;
}

export class ListSchedulesQuery {
  @IsOptional() @IsString() @Length(1, 200) channel_id?: string;
}
