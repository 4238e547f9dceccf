import type { WikiFact } from '../contracts';
import type { WikiIndex } from './wiki-index';

export interface DecisionEntry {
  fact: WikiFact;
  /** Who decided: the people `decided` relations name (both sides of an agreement), else the author. */
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

/** Who decided: the people its `decided` relations name ("Chloé and Farah" when two agreed), else the author. */
function decisionOwner(index: WikiIndex, fact: WikiFact): string {
  const names = fact.relations
    .filter((relation) => relation.type === 'decided')
    .map((relation) => index.nameOf(fact, relation.source))
    .filter((name): name is string => name !== null);
  const distinct = [...new Set(names)];
  if (distinct.length === 0) return index.authorName(fact);
  return distinct.length === 1 ? distinct[0] : `${distinct.slice(0, -1).join(', ')} and ${distinct.at(-1)}`;
}
