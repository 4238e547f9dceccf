import { IsBoolean, IsIn, IsString } from 'class-validator';
import { Nullable } from '../model';

export class ScheduleUpdatedData {
  @IsString() channel_id: string;
  /** 5-field cron expression. */
  @IsString() schedule: string;
  /** IANA time zone the cron expression is read in. */
  @IsString() timezone: string;
  @IsBoolean() enabled: boolean;
}

export class ScheduleFiredData {
  @IsString() channel_id: string;
  /** The cron slot (ISO minute, UTC) this firing belongs to. */
  @IsString() slot: string;
  @IsIn(['triggered', 'skipped']) outcome: 'triggered' | 'skipped';
  @Nullable() @IsString() job_id: string | null;
  /** Why a firing was skipped: `sync_in_progress` or `channel_not_found`. */
  @Nullable() @IsString() reason: string | null;
  @Nullable() @IsString() active_job_id: string | null;
}
