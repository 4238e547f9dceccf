import { Type } from 'class-transformer';
import {
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsNumber,
  IsOptional,
  IsString,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { Nullable } from './validation';

export const FACT_TYPES = [
  'decision',
  'action_item',
  'question',
  'answer',
  'announcement',
  'opinion',
  'observation',
] as const;
export type FactType = (typeof FACT_TYPES)[number];

export const ENTITY_TYPES = [
  'person',
  'team',
  'project',
  'technology',
  'place',
  'decision',
  'artifact',
  'topic',
] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

/** What an artifact entity is: a document, a repository, a ticket or any other link. */
export const ARTIFACT_KINDS = ['document', 'repo', 'ticket', 'link'] as const;
export type ArtifactKind = (typeof ARTIFACT_KINDS)[number];

export const RELATION_TYPES = [
  'works_on',
  'owns',
  'decided',
  'asked',
  'answered',
  'uses',
  'depends_on',
  'mentions',
] as const;
export type RelationType = (typeof RELATION_TYPES)[number];

/** Languages are ISO 639-1 codes; `und` when a message is too short to tell. */
export const UNDETERMINED_LANGUAGE = 'und';

/** An entity as a fact names it; `key` is the normalized identity used to merge it into the graph. */
export class FactEntity {
  /** `<type>:<normalized name>`; a person's is `person:<platform user id>`, an artifact's `artifact:<kind>:<id>`. */
  @IsString() key: string;
  @IsString() name: string;
  @IsIn(ENTITY_TYPES) type: EntityType;
  /** Set for artifacts only. */
  @Nullable() @IsIn(ARTIFACT_KINDS) kind: ArtifactKind | null;
}

/** A typed relation a fact states between two of its entities, by their keys. */
export class FactRelation {
  @IsIn(RELATION_TYPES) type: RelationType;
  @IsString() source: string;
  @IsString() target: string;
}

export class FactSource {
  @IsString() message_id: string;
  @Nullable() @IsString() author_id: string | null;
  @Nullable() @IsString() author_name: string | null;
  @IsISO8601() timestamp: string;
  @Nullable() @IsString() thread_id: string | null;
  @Nullable() @IsString() permalink: string | null;
  /**
   * The message as its author wrote it, for display beside the fact's rewritten text; null in facts
   * extracted before it was kept.
   */
  @Nullable() @IsString() text: string | null;
}

/** One atomic fact, extracted from one message. Keyed by channel, message id and extractor version. */
export class Fact {
  @IsString() id: string;
  @IsString() channel_id: string;
  @IsString() message_id: string;
  @IsString() extractor_version: string;
  /** Position of the fact within its message. */
  @IsInt() @Min(0) index: number;
  /** A self-contained sentence: first-person pronouns are resolved to the author where the message allows. */
  @IsString() text: string;
  @IsIn(FACT_TYPES) type: FactType;
  @IsNumber() @Min(0) @Max(1) confidence: number;
  @IsArray() @ValidateNested({ each: true }) @Type(() => FactEntity) entities: FactEntity[];
  /** Relations the fact states between its entities (keys of `entities`). */
  @IsArray() @ValidateNested({ each: true }) @Type(() => FactRelation) relations: FactRelation[];
  /** Topic tags: normalized names of what the fact is about ("billing migration"). */
  @IsArray() @IsString({ each: true }) topics: string[];
  /**
   * The single-valued subject the fact sets, e.g. `deadline:project:atlas-v2` or `owner:artifact:ticket:ops-12`;
   * a later fact on the same subject supersedes it (the projector links them). Null for most facts.
   */
  @Nullable() @IsString() subject: string | null;
  /** When the fact holds from: its message's time (an edited message's edit time). */
  @IsISO8601() valid_at: string;
  /** A date the fact sets (a deadline, a launch day), resolved against the message's time; null if none. */
  @Nullable() @IsISO8601() due_at: string | null;
  /** ISO 639-1 language of the message (or its thread) the fact comes from. */
  @IsString() language: string;
  @ValidateNested() @Type(() => FactSource) source: FactSource;
  /**
   * Whose work the fact is about, as a person entity key: the owner of an action item (the addressee of
   * a request, or the author committing), the person a request phrased as a question asks, or the
   * author reporting work done. Null when nobody owns it ("Please comment by Thursday" to everyone).
   * Absent in facts extracted before owners were recorded (read as null).
   */
  @IsOptional() @Nullable() @IsString() owner?: string | null;
  /**
   * The fact reports a piece of work finished: "done, merged", "Postmortem for Tuesday's incident: <link>".
   * The read model closes the owner's matching open action item with it (see FACT_STATES). Absent before
   * (read as false).
   */
  @IsOptional() @IsBoolean() reports_done?: boolean;
}

/** A message the extractor did not read because it cannot handle its language. */
export class SkippedMessage {
  @IsString() message_id: string;
  @IsString() language: string;
}

/** Which extractor produced a batch's facts, and what a model path cost. */
export class ExtractorRun {
  @IsIn(['rules', 'llm']) extractor: 'rules' | 'llm';
  /** Set when the LLM path failed for the batch and the local extractor took over. */
  @Nullable() @IsString() fallback_reason: string | null;
  @IsInt() @Min(0) prompt_tokens: number;
  @IsInt() @Min(0) completion_tokens: number;
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
  @Nullable() @IsIn(ARTIFACT_KINDS) kind: ArtifactKind | null;
  @IsArray() @IsString({ each: true }) aliases: string[];
  /** The fact entity keys resolved into this entity by this batch (its own key first). */
  @IsArray() @IsString({ each: true }) keys: string[];
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
  /** sha256 of the page's Markdown, citations and template. */
  @IsString() content_hash: string;
  /** sha256 of what the page is written from (its facts, entities, template version): unchanged means not rewritten. */
  @IsString() inputs_hash: string;
  @IsString() template_version: string;
}
