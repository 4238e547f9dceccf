import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import { IMPORT_FORMATS } from './import-formats';
import type { ImportFormat } from './import-formats';

/** The text fields of POST /api/imports; the file itself is the multipart field `file`. */
export class ImportRequestDto {
  /** Name of the connection; the file's name when absent. */
  @IsOptional() @IsString() @Length(1, 200) name?: string;
  /** What the file is; detected from its content and name when absent. */
  @IsOptional() @IsIn(IMPORT_FORMATS) format?: ImportFormat;
  /** csv and jsonl: a JSON object naming the column or field of each message field. */
  @IsOptional() @IsString() @Length(2, 2000) mapping?: string;
  /** Single-channel files (Discord, csv, jsonl): the channel's name. */
  @IsOptional() @IsString() @Length(1, 200) channel_name?: string;
}
