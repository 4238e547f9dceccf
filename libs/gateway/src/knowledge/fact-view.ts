import type { ArtifactKind, EntityType, FactRelation, FactSource, FactState, FactType } from '@atlas/events';
import type { EntityDoc, FactDoc } from '@atlas/read-models';

export interface FactEntityView {
  /** The graph entity the fact's entity was resolved into; null while the graph has not placed it. */
  id: string | null;
  key: string;
  name: string;
  type: EntityType;
  kind: ArtifactKind | null;
}

/** A fact as the knowledge API shows it. */
export interface FactView {
  id: string;
  channel_id: string;
  text: string;
  type: FactType;
  confidence: number;
  entities: FactEntityView[];
  relations: FactRelation[];
  topics: string[];
  subject: string | null;
  valid_at: string;
  due_at: string | null;
  supersedes: string | null;
  superseded_by: string | null;
  /** Whose work it is (a person entity key), and what later facts made of it (docs/KNOWLEDGE.md, States). */
  owner: string | null;
  reports_done: boolean;
  state: FactState | null;
  closed_by: string | null;
  language: string;
  source: FactSource;
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
