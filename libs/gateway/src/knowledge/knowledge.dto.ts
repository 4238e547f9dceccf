import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, TransformFnParams, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { ENTITY_TYPES, FACT_TYPES } from '@atlas/events';
import type { EntityType, FactType } from '@atlas/events';
import { IsInstant } from './instant';
import { IsSearchQuery } from './search-words';

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;

/** `type=a,b` and `type=a&type=b` both list several values. */
export function commaList({ value }: TransformFnParams): unknown {
  const values: unknown[] = Array.isArray(value) ? value : [value];
  return values.flatMap((item) => (typeof item === 'string' ? item.split(',').map((part) => part.trim()) : [item]));
}

/** `limit` and `cursor`, shared by every paged listing. */
export class PageQuery {
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  limit?: number;
  /** next_cursor of the previous page; checked when decoded. */
  @ApiPropertyOptional({ description: '`next_cursor` of the previous page', maxLength: 2000 })
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  cursor?: string;
}

/** `type=a,b` or `type=a&type=b`. */
const TYPE_LIST = { style: 'form', explode: true, description: 'One or more, repeated or comma-separated' } as const;

/** GET /api/channels/{channel_id}/facts */
export class ListFactsQuery extends PageQuery {
  @ApiPropertyOptional({ ...TYPE_LIST, enum: FACT_TYPES, isArray: true })
  @IsOptional()
  @Transform(commaList)
  @IsArray()
  @ArrayMaxSize(FACT_TYPES.length * 2)
  @IsIn(FACT_TYPES, { each: true, message: `type must be one or more of: ${FACT_TYPES.join(', ')}` })
  type?: FactType[];
  /** A graph entity id: facts about that entity. */
  @ApiPropertyOptional({ description: 'A graph entity id: facts about that entity', maxLength: 200 })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  entity?: string;
  /** Search words: each must begin a word of the fact's text, case and accents ignored (docs/KNOWLEDGE.md). */
  @ApiPropertyOptional({
    description: "Search words: each must begin a word of the fact's text, case and accents ignored",
    maxLength: 200,
  })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  @IsSearchQuery()
  q?: string;
  /** valid_at from (inclusive) and to (exclusive). */
  @ApiPropertyOptional({ description: 'valid_at from (inclusive): an ISO 8601 date or date-time' })
  @IsOptional()
  @IsInstant()
  from?: string;
  @ApiPropertyOptional({ description: 'valid_at to (exclusive): an ISO 8601 date or date-time' })
  @IsOptional()
  @IsInstant()
  to?: string;
}

/** GET /api/graph/entities */
export class ListEntitiesQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Entities of this channel', maxLength: 200 })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  channel_id?: string;
  @ApiPropertyOptional({ ...TYPE_LIST, enum: ENTITY_TYPES, isArray: true })
  @IsOptional()
  @Transform(commaList)
  @IsArray()
  @ArrayMaxSize(ENTITY_TYPES.length * 2)
  @IsIn(ENTITY_TYPES, { each: true, message: `type must be one or more of: ${ENTITY_TYPES.join(', ')}` })
  type?: EntityType[];
  /** Text the entity's name contains, in any case. */
  @ApiPropertyOptional({ description: "Text the entity's name contains, in any case", maxLength: 200 })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  name?: string;
}

/** GET /api/wiki/{channel_id}/pages/{slug} */
export class WikiPageQuery {
  @ApiPropertyOptional({ type: 'integer', minimum: 1, description: 'An earlier version; the current one when absent' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  version?: number;
}
