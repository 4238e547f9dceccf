import type { WikiFact } from '../contracts';
import type { WikiIndex } from './wiki-index';

export interface DecisionEntry {
  fact: WikiFact;
  /** Who decided: the person a `decided` relation names, else the author. */
  owner: string;
  /** The fact that replaced it; null while it holds. `superseded` without a fact: its successor is gone. */
  supersededBy: WikiFact | null;
  superseded: boolean;
  /** The earlier fact on its subject it replaced, if any. */
  supersedes: WikiFact | null;
}

/** A decision as it stands: `superseded` is the read model's state (a later fact on its subject replaced it). */
export function decisionEntry(index: WikiIndex, fact: WikiFact): DecisionEntry {
  const successor = index.fact(fact.superseded_by) ?? null;
  const superseded = fact.state !== null ? fact.state === 'superseded' : fact.superseded_by !== null;
  return {
    fact,
    owner: decisionOwner(index, fact),
    supersededBy: successor,
    superseded,
    supersedes: index.fact(fact.supersedes) ?? null,
  };
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
