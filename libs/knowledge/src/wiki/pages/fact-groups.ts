import type { GraphEntity, WikiFact } from '../../contracts';
import { compareText } from '../../ordering';
import type { WikiIndex } from '../wiki-index';

export interface Contributor {
  name: string;
  /** The person's graph entity, when the graph knows the author. */
  entity: GraphEntity | null;
  /** Their facts among the ones counted, newest first. */
  facts: WikiFact[];
}

/** Who wrote the facts, most facts first. */
export function contributorsOf(index: WikiIndex, facts: readonly WikiFact[]): Contributor[] {
  const byAuthor = new Map<string, Contributor>();
  for (const fact of facts) {
    const entity = index.authorEntity(fact) ?? null;
    const key = entity?.id ?? `author:${fact.source.author_id ?? index.authorName(fact)}`;
    const contributor = byAuthor.get(key) ?? { name: index.authorName(fact), entity, facts: [] };
    contributor.facts.push(fact);
    byAuthor.set(key, contributor);
  }
  return [...byAuthor.values()].sort(
    (a, b) =>
      b.facts.length - a.facts.length ||
      compareText(a.name, b.name) ||
      compareText(a.entity?.id ?? '', b.entity?.id ?? ''),
  );
}

/** "N facts from M messages by K people" */
export function volume(facts: readonly WikiFact[]): { facts: number; messages: number; people: number } {
  return {
    facts: facts.length,
    messages: new Set(facts.map((fact) => fact.message_id)).size,
    people: new Set(facts.map((fact) => fact.source.author_id ?? fact.source.author_name ?? '')).size,
  };
}
