import { stableId } from '@atlas/common';
import type { Fact, RelationType, RelationUpsert } from '@atlas/events';
import { compareText } from '../ordering';

/**
 * The relations the facts state (`fact.relations`, by fact entity keys), between the entities the keys were
 * resolved into, with the facts that evidence each. Directed: "Ana owns OPS-12" is not "OPS-12 owns Ana".
 * A relation whose ends resolved into one entity says nothing and is dropped, as is one naming an unknown key.
 */
export function buildRelations(
  facts: readonly Fact[],
  idOfKey: (key: string) => string | null,
  channelId: string,
): RelationUpsert[] {
  const relations = new Map<string, { type: RelationType; sourceId: string; targetId: string; factIds: Set<string> }>();
  for (const fact of facts) {
    for (const { type, source, target } of fact.relations) {
      const sourceId = idOfKey(source);
      const targetId = idOfKey(target);
      if (sourceId === null || targetId === null || sourceId === targetId) continue;
      const key = `${type} ${sourceId} ${targetId}`;
      const relation = relations.get(key) ?? { type, sourceId, targetId, factIds: new Set<string>() };
      relation.factIds.add(fact.id);
      relations.set(key, relation);
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
