import { Type } from 'class-transformer';
import { IsArray, IsBoolean, IsInt, IsString, Min, ValidateNested } from 'class-validator';
import {
  EntityUpsert,
  ExtractionFailure,
  ExtractorRun,
  Fact,
  Nullable,
  NormalizedMessage,
  RelationUpsert,
  SkippedMessage,
  WikiPage,
} from '../model';

/** Where a fetch resumes after a batch: the platform page token, and how many of that page's messages are already out. */
export class FetchResumePoint {
  @Nullable() @IsString() token: string | null;
  @IsInt() @Min(0) skip: number;
  /** Nothing is left to fetch after this batch. */
  @IsBoolean() complete: boolean;
}

export class MessagesFetchedData {
  @IsString() job_id: string;
  @IsString() channel_id: string;
  /** 1-based batch number within the job. */
  @IsInt() @Min(1) batch: number;
  @IsArray() @ValidateNested({ each: true }) @Type(() => NormalizedMessage) messages: NormalizedMessage[];
  @ValidateNested() @Type(() => FetchResumePoint) resume: FetchResumePoint;
  /** The channel cursor the job has reached so far (the newest message seen). */
  @Nullable() @IsString() cursor: string | null;
  /** Messages the job fetched up to and including this batch. */
  @IsInt() @Min(0) total_so_far: number;
  /** The connector's estimate of the messages this fetch will yield in all; null when it cannot tell. */
  @Nullable() @IsInt() @Min(0) estimated_total: number | null;
}

export class FetchCompletedData {
  @IsString() job_id: string;
  @IsString() channel_id: string;
  @IsInt() @Min(0) batches: number;
  @IsInt() @Min(0) messages: number;
  @Nullable() @IsString() cursor: string | null;
}

export class FactsExtractedData {
  @IsString() job_id: string;
  @IsString() channel_id: string;
  @IsInt() @Min(1) batch: number;
  @IsString() extractor_version: string;
  /** Every message of the batch, failing ones included: their facts are replaced by `facts`. */
  @IsArray() @IsString({ each: true }) message_ids: string[];
  @IsArray() @ValidateNested({ each: true }) @Type(() => Fact) facts: Fact[];
  @IsArray() @ValidateNested({ each: true }) @Type(() => ExtractionFailure) failures: ExtractionFailure[];
  /** Messages in a language the extractor cannot handle: counted, never mangled into facts. */
  @IsArray() @ValidateNested({ each: true }) @Type(() => SkippedMessage) skipped: SkippedMessage[];
  @ValidateNested() @Type(() => ExtractorRun) run: ExtractorRun;
}

export class ExtractionCompletedData {
  @IsString() job_id: string;
  @IsString() channel_id: string;
  @IsInt() @Min(0) batches: number;
  @IsInt() @Min(0) facts: number;
  @IsInt() @Min(0) failing_messages: number;
  @Nullable() @IsString() first_failing_message_id: string | null;
  /** Messages skipped for their language. */
  @IsInt() @Min(0) skipped_messages: number;
  /** Tokens the LLM path used (0 on the local path), and batches it handed back to the local extractor. */
  @IsInt() @Min(0) llm_prompt_tokens: number;
  @IsInt() @Min(0) llm_completion_tokens: number;
  @IsInt() @Min(0) llm_fallback_batches: number;
}

export class GraphUpdatedData {
  @IsString() job_id: string;
  @IsString() channel_id: string;
  @IsInt() @Min(1) batch: number;
  @IsArray() @ValidateNested({ each: true }) @Type(() => EntityUpsert) entities: EntityUpsert[];
  @IsArray() @ValidateNested({ each: true }) @Type(() => RelationUpsert) relations: RelationUpsert[];
}

export class GraphCompletedData {
  @IsString() job_id: string;
  @IsString() channel_id: string;
  @IsInt() @Min(0) batches: number;
  /** Entity and relation upserts published by the job (created or merged). */
  @IsInt() @Min(0) entities: number;
  @IsInt() @Min(0) relations: number;
}

export class WikiPageGeneratedData {
  @IsString() job_id: string;
  @IsString() channel_id: string;
  @ValidateNested() @Type(() => WikiPage) page: WikiPage;
}

export class WikiPageSummary {
  @IsString() slug: string;
  @IsString() title: string;
  @IsString() content_hash: string;
  @IsString() inputs_hash: string;
  /** False when the page's inputs did not change and it was not rewritten. */
  @IsBoolean() changed: boolean;
}

export class WikiGeneratedData {
  @IsString() job_id: string;
  @IsString() channel_id: string;
  /** Every page the wiki now has; a page of an earlier run that is not listed was removed (its versions stay). */
  @IsArray() @ValidateNested({ each: true }) @Type(() => WikiPageSummary) pages: WikiPageSummary[];
}
