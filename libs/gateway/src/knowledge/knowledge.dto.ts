import { Transform, TransformFnParams, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { ENTITY_TYPES, FACT_TYPES } from '@atlas/events';
import type { EntityType, FactType } from '@atlas/events';
import { IsInstant } from './instant';
import { IsSearchQuery } from './search-words';

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;

/** `type=a,b` and `type=a&type=b` both list several values. */
function commaList({ value }: TransformFnParams): unknown {
  const values: unknown[] = Array.isArray(value) ? value : [value];
  return values.flatMap((item) => (typeof item === 'string' ? item.split(',').map((part) => part.trim()) : [item]));
}

/** `limit` and `cursor`, shared by every paged listing. */
class PageQuery {
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(MAX_PAGE_SIZE) limit?: number;
  /** next_cursor of the previous page; checked when decoded. */
  @IsOptional() @IsString() @Length(1, 2000) cursor?: string;
}

/** GET /api/channels/{channel_id}/facts */
export class ListFactsQuery extends PageQuery {
  @IsOptional()
  @Transform(commaList)
  @IsArray()
  @ArrayMaxSize(FACT_TYPES.length * 2)
  @IsIn(FACT_TYPES, { each: true, message: `type must be one or more of: ${FACT_TYPES.join(', ')}` })
  type?: FactType[];
  /** A graph entity id: facts about that entity. */
  @IsOptional() @IsString() @Length(1, 200) entity?: string;
  /** Search words: each must begin a word of the fact's text, case and accents ignored (docs/KNOWLEDGE.md). */
  @IsOptional() @IsString() @Length(1, 200) @IsSearchQuery() q?: string;
  /** valid_at from (inclusive) and to (exclusive). */
  @IsOptional() @IsInstant() from?: string;
  @IsOptional() @IsInstant() to?: string;
}

/** GET /api/graph/entities */
export class ListEntitiesQuery extends PageQuery {
  @IsOptional() @IsString() @Length(1, 200) channel_id?: string;
  @IsOptional()
  @Transform(commaList)
  @IsArray()
  @ArrayMaxSize(ENTITY_TYPES.length * 2)
  @IsIn(ENTITY_TYPES, { each: true, message: `type must be one or more of: ${ENTITY_TYPES.join(', ')}` })
  type?: EntityType[];
  /** Text the entity's name contains, in any case. */
  @IsOptional() @IsString() @Length(1, 200) name?: string;
}

/** GET /api/wiki/{channel_id}/pages/{slug} */
export class WikiPageQuery {
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) version?: number;
}
