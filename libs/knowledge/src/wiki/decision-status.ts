import type { WikiFact } from '../contracts';
import type { WikiIndex } from './wiki-index';

export interface DecisionEntry {
  fact: WikiFact;
  /** Who decided: the person a `decided` relation names, else the author. */
  owner: string;
  /** The fact that replaced it; null while it holds. `superseded` without a fact: its successor is gone. */
  supersededBy: WikiFact | null;
  superseded: boolean;
}

export function decisionEntry(index: WikiIndex, fact: WikiFact): DecisionEntry {
  const successor = index.fact(fact.superseded_by) ?? null;
  return { fact, owner: decisionOwner(index, fact), supersededBy: successor, superseded: fact.superseded_by !== null };
}

/** The channel's decisions, newest first. */
export function decisionsOf(index: WikiIndex): DecisionEntry[] {
  return index.newestFirst.filter((fact) => fact.type === 'decision').map((fact) => decisionEntry(index, fact));
}

function decisionOwner(index: WikiIndex, fact: WikiFact): string {
  const decided = fact.relations.find((relation) => relation.type === 'decided');
  const named = decided ? index.nameOf(fact, decided.source) : null;
  return named ?? index.authorName(fact);
}
