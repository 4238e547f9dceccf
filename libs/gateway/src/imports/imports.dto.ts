import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import { IMPORT_FORMATS } from './import-formats';
import type { ImportFormat } from './import-formats';

/** The text fields of POST /api/imports; the file itself is the multipart field `file`. */
export class ImportRequestDto {
  /** Name of the connection; the file's name when absent. */
  @ApiPropertyOptional({ description: "Name of the connection; the file's name when absent", maxLength: 200 })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  name?: string;
  /** What the file is; detected from its content and name when absent. */
  @ApiPropertyOptional({ enum: IMPORT_FORMATS, description: 'Detected from the content and name when absent' })
  @IsOptional()
  @IsIn(IMPORT_FORMATS)
  format?: ImportFormat;
  /** csv and jsonl: a JSON object naming the column or field of each message field. */
  @ApiPropertyOptional({
    description: 'csv and jsonl: a JSON object naming the column or field of each message field',
    minLength: 2,
    maxLength: 2000,
    example: '{"text":"body","author":"user","timestamp":"time"}',
  })
  @IsOptional()
  @IsString()
  @Length(2, 2000)
  mapping?: string;
  /** Single-channel files (Discord, csv, jsonl): the channel's name. */
  @ApiPropertyOptional({
    description: "Single-channel files (Discord, csv, jsonl): the channel's name",
    maxLength: 200,
  })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  channel_name?: string;
}

/** The whole multipart body, for the API's description: the multipart parser takes the file, not the DTO. */
export class ImportUploadBody extends ImportRequestDto {
  @ApiProperty({ type: 'string', format: 'binary', description: 'A Slack or Discord export, a csv or jsonl file' })
  file: unknown;
}
