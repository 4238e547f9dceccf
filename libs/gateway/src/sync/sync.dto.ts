import { Type } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';

export class TriggerSyncDto {
  @IsString() @Length(1, 200) channel_id: string;
  @IsOptional() @IsBoolean() force?: boolean;
}

export class SyncStatusQuery {
  @IsString() @Length(1, 200) channel_id: string;
  @IsOptional() @IsString() @Length(1, 200) job_id?: string;
}

export class SyncHistoryQuery {
  @IsString() @Length(1, 200) channel_id: string;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100) limit?: number;
}

export class CancelSyncDto {
  @IsString() @Length(1, 200) job_id: string;
}
