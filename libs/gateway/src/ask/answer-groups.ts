import type { FactView } from '../knowledge/fact-view';
import type { AskEntityView, AskFactGroupView, AskFactView, AskReplyView } from './ask-view';

/** A fact of the answer with its number (1 = most relevant). */
export interface NumberedFactView {
  n: number;
  fact: FactView;
  replies?: AskReplyView[];
}

/**
 * The facts grouped by the entity each is about, groups in order of their most relevant fact, facts in each
 * group in time order. A fact goes to one group: the first of its entities whose name the question names (a
 * search term begins one of its words), else its first entity that is not a person (what it is about rather than
 * who said it), else its first entity, else the group without an entity.
 */
export function groupByEntity(facts: readonly NumberedFactView[], terms: readonly string[]): AskFactGroupView[] {
  const groups = new Map<string, { entity: AskEntityView | null; best: number; facts: NumberedFactView[] }>();
  for (const numbered of facts) {
    const entity = mainEntity(numbered.fact, terms);
    const key = entity ? (entity.id ?? `${entity.type}:${entity.name.toLowerCase()}`) : '';
    const group = groups.get(key) ?? { entity, best: numbered.n, facts: [] };
    group.best = Math.min(group.best, numbered.n);
    group.facts.push(numbered);
    groups.set(key, group);
  }
  return [...groups.values()]
    .sort((a, b) => a.best - b.best)
    .map((group) => ({
      entity: group.entity,
      facts: group.facts
        .sort((a, b) => compare(a.fact.valid_at, b.fact.valid_at) || a.n - b.n)
        .map(({ n, fact, replies }) => askFact(n, fact, replies)),
    }));
}

function mainEntity(fact: FactView, terms: readonly string[]): AskEntityView | null {
  const named = fact.entities.find((entity) => namesTerm(entity.name, terms));
  const chosen = named ?? fact.entities.find((entity) => entity.type !== 'person') ?? fact.entities[0];
  return chosen ? { id: chosen.id, name: chosen.name, type: chosen.type } : null;
}

function namesTerm(name: string, terms: readonly string[]): boolean {
  const words = name.toLowerCase().split(/[^\p{L}\p{N}]+/u);
  return words.some((word) => word !== '' && terms.some((term) => word.startsWith(term)));
}

export function askFact(n: number, fact: FactView, replies: AskReplyView[] = []): AskFactView {
  return {
    n,
    id: fact.id,
    text: fact.text,
    type: fact.type,
    valid_at: fact.valid_at,
    citation: {
      channel_id: fact.channel_id,
      message_id: fact.source.message_id,
      author_name: fact.source.author_name,
      timestamp: fact.source.timestamp,
      permalink: fact.source.permalink,
    },
    replies,
  };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
