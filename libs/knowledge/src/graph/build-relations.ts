import { stableId } from '@atlas/common';
import type { Fact, RelationType, RelationUpsert } from '@atlas/events';
import { compareText } from '../ordering';

/** Bounds the pairs of one fact: 12 entities give at most 66 co-occurrences, never a quadratic blowup. */
export const MAX_ENTITIES_PER_FACT = 12;

/**
 * `mentions` from a fact's author to every other entity of the fact, and `co_occurs_with` between
 * every two of those others, undirected: the pair is stored once, its ids in sorted order.
 */
export function buildRelations(
  facts: readonly Fact[],
  idOfKey: (key: string) => string,
  channelId: string,
): RelationUpsert[] {
  const relations = new Map<string, { type: RelationType; sourceId: string; targetId: string; factIds: Set<string> }>();
  const add = (type: RelationType, sourceId: string, targetId: string, factId: string): void => {
    const key = `${type} ${sourceId} ${targetId}`;
    let relation = relations.get(key);
    if (!relation) {
      relation = { type, sourceId, targetId, factIds: new Set() };
      relations.set(key, relation);
    }
    relation.factIds.add(factId);
  };

  for (const fact of facts) {
    const authorKey = fact.source.author_id === null ? null : `person:${fact.source.author_id}`;
    // Only an author the fact names is in the graph: a fact without its author entity has no author relations.
    const authorId =
      authorKey !== null && fact.entities.some((entity) => entity.key === authorKey) ? idOfKey(authorKey) : null;
    const others = [...new Set(fact.entities.map((entity) => idOfKey(entity.key)))]
      .filter((id) => id !== authorId)
      .slice(0, MAX_ENTITIES_PER_FACT);
    if (authorId !== null) others.forEach((other) => add('mentions', authorId, other, fact.id));
    for (let i = 0; i < others.length; i++) {
      for (let j = i + 1; j < others.length; j++) {
        const [first, second] = [others[i], others[j]].sort(compareText);
        add('co_occurs_with', first, second, fact.id);
      }
    }
  }

  return [...relations.values()]
    .map(({ type, sourceId, targetId, factIds }) => ({
      id: stableId('rel', type, sourceId, targetId),
      type,
      source_id: sourceId,
      target_id: targetId,
      channel_id: channelId,
      fact_ids: [...factIds].sort(compareText),
    }))
    .sort(
      (a, b) =>
        compareText(a.type, b.type) || compareText(a.source_id, b.source_id) || compareText(a.target_id, b.target_id),
    );
}
