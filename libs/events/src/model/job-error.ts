import { ApiProperty } from '@nestjs/swagger';
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

/** Why a job failed (Sync API spec, Sync errors); the OpenAPI description is for the gateway's answers. */
export class JobError {
  @ApiProperty({ enum: JOB_ERROR_CODES }) @IsIn(JOB_ERROR_CODES) code: JobErrorCode;
  @ApiProperty() @IsString() message: string;
  @ApiProperty({
    type: 'object',
    properties: {
      retry_after: { type: 'integer', minimum: 0, description: 'Seconds to wait before retrying' },
      failing_message_id: { type: 'string', description: 'The first message whose processing failed' },
    },
    additionalProperties: true,
  })
  @IsObject()
  @ValidateNested()
  @Type(() => JobErrorDetails)
  details: JobErrorDetails;
}
