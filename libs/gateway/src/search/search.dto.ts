import { ApiPropertyOptional, ApiProperty } from '@nestjs/swagger';
import { Transform, TransformFnParams, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { FACT_TYPES } from '@atlas/events';
import type { FactType } from '@atlas/events';
import { SEARCH_KINDS } from '@atlas/read-models';
import type { SearchKind } from '@atlas/read-models';
import { IsInstant } from '../knowledge/instant';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../knowledge/knowledge.dto';
import { IsSearchQuery } from '../knowledge/search-words';

/** `a,b` and `a&a` both list several values. */
function commaList({ value }: TransformFnParams): unknown {
  const values: unknown[] = Array.isArray(value) ? value : [value];
  return values.flatMap((item) => (typeof item === 'string' ? item.split(',').map((part) => part.trim()) : [item]));
}

const LIST = { style: 'form', explode: true, description: 'One or more, repeated or comma-separated' } as const;
const MAX_CHANNELS = 100;

/** GET /api/search */
export class SearchRequestQuery {
  @ApiProperty({
    description: 'Search words: a hit holds at least one (each may begin a longer word); case and accents ignored',
    maxLength: 200,
  })
  @IsString()
  @Length(1, 200)
  @IsSearchQuery()
  q: string;
  @ApiPropertyOptional({ ...LIST, type: [String], description: 'Only these channels (one or more)' })
  @IsOptional()
  @Transform(commaList)
  @IsArray()
  @ArrayMaxSize(MAX_CHANNELS)
  @IsString({ each: true })
  @Length(1, 200, { each: true })
  channel_id?: string[];
  @ApiPropertyOptional({ ...LIST, enum: SEARCH_KINDS, isArray: true, description: 'Only these kinds of hit' })
  @IsOptional()
  @Transform(commaList)
  @IsArray()
  @ArrayMaxSize(SEARCH_KINDS.length * 2)
  @IsIn(SEARCH_KINDS, { each: true, message: `kind must be one or more of: ${SEARCH_KINDS.join(', ')}` })
  kind?: SearchKind[];
  @ApiPropertyOptional({
    ...LIST,
    enum: FACT_TYPES,
    isArray: true,
    description: 'Only facts of these types (alone: only facts; with `kind`, it must include fact)',
  })
  @IsOptional()
  @Transform(commaList)
  @IsArray()
  @ArrayMaxSize(FACT_TYPES.length * 2)
  @IsIn(FACT_TYPES, { each: true, message: `type must be one or more of: ${FACT_TYPES.join(', ')}` })
  type?: FactType[];
  @ApiPropertyOptional({ description: "A hit's time from (inclusive): an ISO 8601 date or date-time" })
  @IsOptional()
  @IsInstant()
  from?: string;
  @ApiPropertyOptional({ description: "A hit's time to (exclusive): an ISO 8601 date or date-time" })
  @IsOptional()
  @IsInstant()
  to?: string;
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  limit?: number;
  @ApiPropertyOptional({ description: '`next_cursor` of the previous page', maxLength: 2000 })
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  cursor?: string;
}
