import type { EntityType, Fact, FactEntity, FactRelation, RelationType } from '@atlas/events';
import { normalizeName } from '../names';

/** Facts and fact entities for the graph's unit tests: only what the graph reads is meaningful. */
export const CHANNEL_ID = 'C0ENG';

export const person = (id: string, name: string): FactEntity => ({
  key: `person:${id}`,
  name,
  type: 'person',
  kind: null,
});

/** A non-person, non-artifact entity keyed as the extractor keys it: `<type>:<normalized name>`. */
export const named = (type: Exclude<EntityType, 'person' | 'artifact'>, name: string): FactEntity => ({
  key: `${type}:${normalizeName(name)}`,
  name,
  type,
  kind: null,
});

export const ticket = (id: string): FactEntity => ({
  key: `artifact:ticket:${id.toLowerCase()}`,
  name: id,
  type: 'artifact',
  kind: 'ticket',
});

export const relation = (type: RelationType, source: FactEntity, target: FactEntity): FactRelation => ({
  type,
  source: source.key,
  target: target.key,
});

export function fact(id: string, entities: FactEntity[], relations: FactRelation[] = []): Fact {
  return {
    id,
    channel_id: CHANNEL_ID,
    message_id: `m-${id}`,
    extractor_version: 'rules-2',
    index: 0,
    text: `text of ${id}`,
    type: 'observation',
    confidence: 0.5,
    entities,
    relations,
    topics: [],
    subject: null,
    valid_at: '2024-03-04T08:00:00.000Z',
    due_at: null,
    language: 'en',
    source: {
      message_id: `m-${id}`,
      author_id: null,
      author_name: null,
      timestamp: '2024-03-04T08:00:00.000Z',
      thread_id: null,
      permalink: null,
      text: null,
    },
  };
}
