import { plainToInstance, Type } from 'class-transformer';
import {
  IsArray,
  IsBoolean,
  IsIn,
  IsNumber,
  IsOptional,
  IsString,
  Max,
  Min,
  ValidateNested,
  validateSync,
} from 'class-validator';
import type { ValidationError } from 'class-validator';
import { ARTIFACT_KINDS, ENTITY_TYPES, FACT_TYPES, Nullable, RELATION_TYPES } from '@atlas/events';
import type { ArtifactKind, EntityType, FactType, RelationType } from '@atlas/events';
import { SUBJECT_KINDS, type SubjectKind } from './answer-schema';

/* The answer of ANSWER_SCHEMA as classes, so that an answer is checked with the same validator as every event. */

export class AnswerEntity {
  @IsString() name: string;
  @IsIn(ENTITY_TYPES) type: EntityType;
  @Nullable() @IsIn(ARTIFACT_KINDS) kind: ArtifactKind | null;
  @Nullable() @IsString() person_id: string | null;
  @Nullable() @IsString() identifier: string | null;
}

export class AnswerRelation {
  @IsIn(RELATION_TYPES) type: RelationType;
  @IsString() source: string;
  @IsString() target: string;
}

export class AnswerSubject {
  @IsIn(SUBJECT_KINDS) kind: SubjectKind;
  @IsString() entity: string;
}

export class AnswerFact {
  @IsString() message_id: string;
  @IsString() text: string;
  @IsIn(FACT_TYPES) type: FactType;
  @IsNumber({ allowNaN: false, allowInfinity: false }) @Min(0) @Max(1) confidence: number;
  @IsArray() @ValidateNested({ each: true }) @Type(() => AnswerEntity) entities: AnswerEntity[];
  @IsArray() @ValidateNested({ each: true }) @Type(() => AnswerRelation) relations: AnswerRelation[];
  @IsArray() @IsString({ each: true }) topics: string[];
  @Nullable() @ValidateNested() @Type(() => AnswerSubject) subject: AnswerSubject | null;
  @Nullable() @IsString() due_at: string | null;
  /* Optional, unlike in ANSWER_SCHEMA: a server in json_object mode may leave them out (no owner, nothing done). */
  @IsOptional() @IsString() owner?: string | null;
  @IsOptional() @IsBoolean() reports_done?: boolean;
}

export class LlmAnswer {
  @IsArray() @ValidateNested({ each: true }) @Type(() => AnswerFact) facts: AnswerFact[];
}

/** How many problems a rejected answer's reason lists: enough to see the pattern, short enough to store. */
const LISTED_PROBLEMS = 3;

/** The parsed answer as an LlmAnswer, or the reason it is not one (wrong or extra fields, values outside the enums). */
export function readAnswer(value: unknown): LlmAnswer | string {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'the answer is not a JSON object';
  const answer = plainToInstance(LlmAnswer, value);
  const errors = validateSync(answer, { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true });
  if (errors.length === 0) return answer;
  const problems = errors.flatMap((error) => problemsOf(error, ''));
  const more = problems.length > LISTED_PROBLEMS ? ` (and ${problems.length - LISTED_PROBLEMS} more)` : '';
  return `the answer does not match the schema: ${problems.slice(0, LISTED_PROBLEMS).join('; ')}${more}`;
}

function problemsOf(error: ValidationError, parent: string): string[] {
  const path = parent === '' ? error.property : `${parent}.${error.property}`;
  const own = Object.values(error.constraints ?? {}).map((message) => `${path}: ${message}`);
  return [...own, ...(error.children ?? []).flatMap((child) => problemsOf(child, path))];
}
