import type { Fact } from '@atlas/events';
import type { GraphDelta } from '../contracts';
import { compareText } from '../ordering';
import { buildRelations } from './build-relations';
import { mergeEntities } from './merge-entities';

/**
 * The entities and relations a batch of facts adds to the channel's graph. Deterministic and
 * independent of the order of the facts: ids derive from normalized keys, output is sorted.
 */
export function buildGraphDelta(facts: Fact[], context: { channel_id: string }): GraphDelta {
  // The first fact naming a key decides its type, so the facts are put in one fixed order first.
  const ordered = [...facts].sort((a, b) => compareText(a.id, b.id));
  const { entities, idOfKey } = mergeEntities(ordered, context.channel_id);
  return { entities, relations: buildRelations(ordered, idOfKey, context.channel_id) };
}
