import { Type } from 'class-transformer';
import { IsArray, IsIn, IsInt, IsISO8601, IsNumber, IsString, Max, Min, ValidateNested } from 'class-validator';
import { Nullable } from './validation';

export const FACT_TYPES = ['decision', 'action_item', 'question', 'announcement', 'observation'] as const;
export type FactType = (typeof FACT_TYPES)[number];

export const ENTITY_TYPES = ['person', 'channel', 'link', 'topic'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

export const RELATION_TYPES = ['mentions', 'co_occurs_with'] as const;
export type RelationType = (typeof RELATION_TYPES)[number];

/** An entity as a fact names it; `key` is the normalized identity used to merge it into the graph. */
export class FactEntity {
  @IsString() key: string;
  @IsString() name: string;
  @IsIn(ENTITY_TYPES) type: EntityType;
}

export class FactSource {
  @IsString() message_id: string;
  @Nullable() @IsString() author_id: string | null;
  @Nullable() @IsString() author_name: string | null;
  @IsISO8601() timestamp: string;
  @Nullable() @IsString() thread_id: string | null;
  @Nullable() @IsString() permalink: string | null;
}

/** One atomic fact, extracted from one message. Keyed by channel, message id and extractor version. */
export class Fact {
  @IsString() id: string;
  @IsString() channel_id: string;
  @IsString() message_id: string;
  @IsString() extractor_version: string;
  /** Position of the fact within its message. */
  @IsInt() @Min(0) index: number;
  @IsString() text: string;
  @IsIn(FACT_TYPES) type: FactType;
  @IsNumber() @Min(0) @Max(1) confidence: number;
  @IsArray() @ValidateNested({ each: true }) @Type(() => FactEntity) entities: FactEntity[];
  @ValidateNested() @Type(() => FactSource) source: FactSource;
}

export class ExtractionFailure {
  @IsString() message_id: string;
  @IsString() reason: string;
}

/** An entity to merge into the graph: created when its id is new, merged (names, aliases) otherwise. */
export class EntityUpsert {
  @IsString() id: string;
  @IsString() key: string;
  @IsString() name: string;
  @IsIn(ENTITY_TYPES) type: EntityType;
  @IsArray() @IsString({ each: true }) aliases: string[];
  @IsString() channel_id: string;
  /** The facts of this batch that mention the entity. */
  @IsArray() @IsString({ each: true }) fact_ids: string[];
}

export class RelationUpsert {
  @IsString() id: string;
  @IsIn(RELATION_TYPES) type: RelationType;
  @IsString() source_id: string;
  @IsString() target_id: string;
  @IsString() channel_id: string;
  /** The facts of this batch that evidence the relation. */
  @IsArray() @IsString({ each: true }) fact_ids: string[];
}

export class WikiCitation {
  /** The number the page text cites as [n]. */
  @IsInt() @Min(1) n: number;
  @IsString() message_id: string;
  @Nullable() @IsString() author_name: string | null;
  @IsISO8601() timestamp: string;
  @IsString() excerpt: string;
  @Nullable() @IsString() permalink: string | null;
}

export class WikiPage {
  @IsString() channel_id: string;
  @IsString() slug: string;
  @IsString() title: string;
  @IsString() markdown: string;
  @IsArray() @ValidateNested({ each: true }) @Type(() => WikiCitation) citations: WikiCitation[];
  /** sha256 of the page's inputs and template: an unchanged hash means an unchanged page. */
  @IsString() content_hash: string;
  @IsString() template_version: string;
}
