import { ApiProperty } from '@nestjs/swagger';
import { ARTIFACT_KINDS, ENTITY_TYPES, FACT_STATES, FACT_TYPES } from '@atlas/events';
import type { ArtifactKind, EntityType, FactState, FactType } from '@atlas/events';
import type { EntityDoc, FactDoc } from '@atlas/read-models';
import { FactRelation, FactSource } from '../http/event-shapes';

export class FactEntityView {
  /** The graph entity the fact's entity was resolved into; null while the graph has not placed it. */
  @ApiProperty({ type: 'string', nullable: true, description: 'The graph entity it resolved into; null until placed' })
  id: string | null;
  @ApiProperty({ example: 'person:U012AB3CD' }) key: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ENTITY_TYPES }) type: EntityType;
  @ApiProperty({ enum: ARTIFACT_KINDS, nullable: true, description: 'Artifacts only' }) kind: ArtifactKind | null;
}

/** A fact as the knowledge API shows it. */
export class FactView {
  @ApiProperty() id: string;
  @ApiProperty() channel_id: string;
  @ApiProperty() text: string;
  @ApiProperty({ enum: FACT_TYPES }) type: FactType;
  @ApiProperty({ minimum: 0, maximum: 1 }) confidence: number;
  @ApiProperty({ type: [FactEntityView] }) entities: FactEntityView[];
  @ApiProperty({ type: [FactRelation] }) relations: FactRelation[];
  @ApiProperty({ type: [String] }) topics: string[];
  @ApiProperty({
    type: 'string',
    nullable: true,
    description: 'The single-valued subject it sets: deadline:project:atlas',
  })
  subject: string | null;
  @ApiProperty({ type: 'string', format: 'date-time' }) valid_at: string;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true }) due_at: string | null;
  @ApiProperty({ type: 'string', nullable: true }) supersedes: string | null;
  @ApiProperty({ type: 'string', nullable: true }) superseded_by: string | null;
  /** Whose work it is (a person entity key), and what later facts made of it (docs/KNOWLEDGE.md, States). */
  @ApiProperty({ type: 'string', nullable: true, description: 'Whose work it is: a person entity key' })
  owner: string | null;
  @ApiProperty() reports_done: boolean;
  @ApiProperty({ enum: FACT_STATES, nullable: true }) state: FactState | null;
  @ApiProperty({ type: 'string', nullable: true }) closed_by: string | null;
  @ApiProperty({ description: "ISO 639-1 code; 'und' when undetermined" }) language: string;
  @ApiProperty({ type: FactSource }) source: FactSource;
}

/** Facts as views; `entities` must hold the graph entities of their entity_ids (missing ones resolve to null). */
export function factViews(facts: FactDoc[], entities: EntityDoc[]): FactView[] {
  const byId = new Map(entities.map((entity) => [entity.id, entity]));
  return facts.map((fact) => {
    const candidates = fact.entity_ids.flatMap((id) => byId.get(id) ?? []);
    return {
      id: fact.id,
      channel_id: fact.channel_id,
      text: fact.text,
      type: fact.type,
      confidence: fact.confidence,
      entities: fact.entities.map(({ key, name, type, kind }) => ({
        // Among the fact's own graph entities, the one this key was merged into.
        id: candidates.find((entity) => entity.key === key || (entity.keys ?? []).includes(key))?.id ?? null,
        key,
        name,
        type,
        kind: kind ?? null,
      })),
      relations: fact.relations.map(({ type, source, target }) => ({ type, source, target })),
      topics: fact.topics ?? [],
      subject: fact.subject ?? null,
      valid_at: fact.valid_at,
      due_at: fact.due_at ?? null,
      supersedes: fact.supersedes ?? null,
      superseded_by: fact.superseded_by ?? null,
      owner: fact.owner ?? null,
      reports_done: fact.reports_done ?? false,
      state: fact.state ?? null,
      closed_by: fact.closed_by ?? null,
      language: fact.language,
      source: {
        message_id: fact.source.message_id,
        author_id: fact.source.author_id,
        author_name: fact.source.author_name,
        timestamp: fact.source.timestamp,
        thread_id: fact.source.thread_id,
        permalink: fact.source.permalink,
        text: fact.source.text ?? null,
      },
    };
  });
}
