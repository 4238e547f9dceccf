import type { FactDoc } from '@atlas/read-models';

/**
 * How many facts a chain shows on each side of the one asked for. A subject rarely changes more than a few
 * times; the bound keeps one request from walking an unbounded history one read at a time.
 */
export const MAX_CHAIN_STEPS = 25;

/**
 * The facts that replaced one another on the fact's subject, oldest first, the fact among them: its
 * `supersedes` links walked back, its `superseded_by` links walked forward. A link to a fact that is gone
 * or in another channel ends the walk.
 */
export async function supersessionChain(
  fact: FactDoc,
  load: (id: string) => Promise<FactDoc | null>,
): Promise<FactDoc[]> {
  const seen = new Set([fact.id]);
  const step = async (from: FactDoc, next: (doc: FactDoc) => string | null | undefined): Promise<FactDoc[]> => {
    const found: FactDoc[] = [];
    let current = from;
    while (found.length < MAX_CHAIN_STEPS) {
      const id = next(current);
      if (!id || seen.has(id)) break;
      const doc = await load(id);
      if (!doc || doc.channel_id !== fact.channel_id) break;
      seen.add(id);
      found.push(doc);
      current = doc;
    }
    return found;
  };
  const earlier = await step(fact, (doc) => doc.supersedes);
  const later = await step(fact, (doc) => doc.superseded_by);
  return [...earlier.reverse(), fact, ...later];
}
