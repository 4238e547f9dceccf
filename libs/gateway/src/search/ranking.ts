import { compareText } from '@atlas/common';
import type { FactDoc, SearchEntryDoc } from '@atlas/read-models';
import type { RankedDocument } from '@atlas/store';

/** A superseded fact's BM25 counts this much: what replaced it is what a search should find first. */
export const SUPERSEDED_WEIGHT = 0.5;
/** Scores are compared at this precision, so that near-equal ones fall to the tie-breaker, recency. */
const PRECISION = 1000;
/** How far below the fact that replaced it a superseded fact's score is set, at least. */
const BELOW = 1 / PRECISION;

export interface RankedHit {
  entry: SearchEntryDoc;
  /** The fact of a fact entry, as it stands now. */
  fact: FactDoc | null;
  /** The fact is about an entity the query names: ranked before every hit that is not. */
  entity_match: boolean;
  score: number;
}

/**
 * The final order of search hits: facts about an entity the query names first (the entity boost), then by score
 * (BM25, halved for a superseded fact, and always below the facts that replaced it), then the newest first (recency
 * breaks ties), then by kind and id so the order is total. Fact entries whose fact is gone are dropped.
 */
export function rankHits(
  candidates: readonly RankedDocument<SearchEntryDoc>[],
  facts: ReadonlyMap<string, FactDoc>,
  namedEntityIds: ReadonlySet<string>,
): RankedHit[] {
  const hits: RankedHit[] = candidates.flatMap(({ doc: entry, score }) => {
    const fact = entry.kind === 'fact' ? (facts.get(entry.ref_id) ?? null) : null;
    if (entry.kind === 'fact' && fact === null) return [];
    const superseded = fact?.superseded_by != null;
    return [
      {
        entry,
        fact,
        entity_match: fact !== null && fact.entity_ids.some((id) => namedEntityIds.has(id)),
        score: rounded(score * (superseded ? SUPERSEDED_WEIGHT : 1)),
      },
    ];
  });
  keepBelowSuperseders(hits);
  return hits.sort(compareHits);
}

/** Which of two hits comes first in the ranking (negative: `a`). */
export function compareHits(a: RankKey, b: RankKey): number {
  return (
    Number(b.entity_match) - Number(a.entity_match) ||
    b.score - a.score ||
    compareText(b.entry.time, a.entry.time) ||
    compareText(a.entry.kind, b.entry.kind) ||
    compareText(a.entry.ref_id, b.entry.ref_id)
  );
}

export type RankKey = Pick<RankedHit, 'entity_match' | 'score'> & {
  entry: Pick<SearchEntryDoc, 'time' | 'kind' | 'ref_id'>;
};

/** A hit's position as a cursor key, and back: `<0|1>|<score>|<time>|<kind>|<id>`. */
export function rankKeyOf(hit: RankKey): string {
  return [hit.entity_match ? 1 : 0, hit.score, hit.entry.time, hit.entry.kind, hit.entry.ref_id].join('|');
}

export function parseRankKey(key: string): RankKey | null {
  const [match, score, time, kind, ...id] = key.split('|');
  if (id.length === 0 || !['0', '1'].includes(match) || !Number.isFinite(Number(score)) || score === '') return null;
  return {
    entity_match: match === '1',
    score: Number(score),
    entry: { time, kind: kind as SearchEntryDoc['kind'], ref_id: id.join('|') },
  };
}

/**
 * A superseded fact ranks below every fact of its chain that replaced it and is among the hits: its score is set
 * just below theirs (and it loses the entity boost they lack). Chains are short; this settles in as many passes.
 */
function keepBelowSuperseders(hits: RankedHit[]): void {
  const byFact = new Map(hits.flatMap((hit) => (hit.fact ? [[hit.fact.id, hit] as const] : [])));
  for (let pass = 0, changed = true; changed && pass <= hits.length; pass += 1) {
    changed = false;
    for (const hit of byFact.values()) {
      const successor = hit.fact?.superseded_by ? byFact.get(hit.fact.superseded_by) : undefined;
      if (!successor) continue;
      if (hit.entity_match && !successor.entity_match) {
        hit.entity_match = false;
        changed = true;
      }
      if (hit.entity_match === successor.entity_match && hit.score > successor.score - BELOW) {
        hit.score = rounded(successor.score - BELOW);
        changed = true;
      }
    }
  }
}

function rounded(score: number): number {
  return Math.round(score * PRECISION) / PRECISION;
}
