import { Type } from 'class-transformer';
import { IsIn, IsInt, IsObject, IsOptional, IsString, Min, ValidateNested } from 'class-validator';
import { JOB_ERROR_CODES } from './stages';
import type { JobErrorCode } from './stages';

export class JobErrorDetails {
  /** Seconds to wait before retrying (RATE_LIMIT, PLATFORM_ERROR). */
  @IsOptional() @IsInt() @Min(0) retry_after?: number;
  /** The first message whose processing failed. */
  @IsOptional() @IsString() failing_message_id?: string;
  [key: string]: unknown;
}

export class JobError {
  @IsIn(JOB_ERROR_CODES) code: JobErrorCode;
  @IsString() message: string;
  @IsObject() @ValidateNested() @Type(() => JobErrorDetails) details: JobErrorDetails;
}
