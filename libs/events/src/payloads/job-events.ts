import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsObject,
  IsOptional,
  IsString,
  Min,
  ValidateNested,
} from 'class-validator';
import { JobError, Nullable, STAGES } from '../model';
import type { StageName } from '../model';

export class SyncTrigger {
  @IsIn(['api', 'schedule']) kind: 'api' | 'schedule';
  /** The cron slot (ISO minute) a scheduled sync was fired for. */
  @Nullable() @IsString() slot: string | null;
}

export class SyncRequestedData {
  @IsString() job_id: string;
  @IsString() channel_id: string;
  @IsString() connection_id: string;
  @IsBoolean() force: boolean;
  @ValidateNested() @Type(() => SyncTrigger) trigger: SyncTrigger;
  /** The channel's sync cursor before this job; kept when the job does not complete. */
  @Nullable() @IsString() previous_cursor: string | null;
  @Nullable() @IsInt() @Min(0) estimated_messages: number | null;
}

export class SyncStartedData {
  @IsString() job_id: string;
  @IsString() channel_id: string;
  @IsString() connection_id: string;
  @IsBoolean() force: boolean;
  @Nullable() @IsString() previous_cursor: string | null;
}

export class SyncStats {
  @IsInt() @Min(0) messages_synced: number;
  @IsInt() @Min(0) facts_extracted: number;
  @IsInt() @Min(0) failing_messages: number;
}

export class SyncCompletedData {
  @IsString() job_id: string;
  @IsString() channel_id: string;
  @IsString() connection_id: string;
  /** The channel's new sync cursor: the next incremental sync starts after it. */
  @Nullable() @IsString() cursor: string | null;
  @ValidateNested() @Type(() => SyncStats) stats: SyncStats;
}

export class SyncFailedData {
  @IsString() job_id: string;
  @IsString() channel_id: string;
  @IsString() connection_id: string;
  /** Unchanged cursor: a failed sync does not advance the channel. */
  @Nullable() @IsString() cursor: string | null;
  @Nullable() @IsIn(STAGES) stage: StageName | null;
  @IsObject() @ValidateNested() @Type(() => JobError) error: JobError;
}

/**
 * A stage of a running job failed in a way worth retrying (the platform is unreachable, say): it tries
 * again later. Or, with `wait`, a request of the running attempt waits out a long platform throttle.
 */
export class SyncStageRetryingData {
  @IsString() job_id: string;
  @IsString() channel_id: string;
  @IsIn(STAGES) stage: StageName;
  /** Why, in the Sync API's error shape; generic enough to show to any API caller. */
  @IsObject() @ValidateNested() @Type(() => JobError) error: JobError;
  /** The attempt of the stage that failed (with `wait`: that waits), 1 for its first. */
  @IsInt() @Min(1) attempt: number;
  /** When the next attempt (with `wait`: the request) is due, at the earliest (whole seconds, rounded up). */
  @IsISO8601() retrying_at: string;
  /** Set when the attempt has not failed but waits out a platform's throttle: the wait's number in the attempt. */
  @IsOptional() @IsInt() @Min(1) wait?: number;
}

export class SyncCancelRequestedData {
  @IsString() job_id: string;
  @IsString() channel_id: string;
  @IsString() connection_id: string;
  /** The channel's cursor before the job, carried to SyncCancelled. */
  @Nullable() @IsString() cursor: string | null;
  @IsIn(['user', 'connection_deleted']) reason: 'user' | 'connection_deleted';
}

export class SyncCancelledData {
  @IsString() job_id: string;
  @IsString() channel_id: string;
  @IsString() connection_id: string;
  @Nullable() @IsString() cursor: string | null;
}
