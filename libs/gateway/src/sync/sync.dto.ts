import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';

export class TriggerSyncDto {
  @ApiProperty({ description: 'Channel to sync', minLength: 1, maxLength: 200, example: 'C12345' })
  @IsString()
  @Length(1, 200)
  channel_id: string;
  @ApiPropertyOptional({ description: 'Force full re-sync', default: false })
  @IsOptional()
  @IsBoolean()
  force?: boolean;
}

export class SyncStatusQuery {
  @ApiProperty({ description: 'Channel identifier', minLength: 1, maxLength: 200 })
  @IsString()
  @Length(1, 200)
  channel_id: string;
  @ApiPropertyOptional({
    description: "Specific sync job ID; the channel's latest job when absent",
    minLength: 1,
    maxLength: 200,
  })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  job_id?: string;
}

export class SyncHistoryQuery {
  @ApiProperty({ description: 'Channel identifier', minLength: 1, maxLength: 200 })
  @IsString()
  @Length(1, 200)
  channel_id: string;
  @ApiPropertyOptional({ description: 'Max results', type: 'integer', minimum: 1, maximum: 100, default: 10 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;
}

export class CancelSyncDto {
  @ApiProperty({ minLength: 1, maxLength: 200, example: 'sync_123' })
  @IsString()
  @Length(1, 200)
  job_id: string;
}
