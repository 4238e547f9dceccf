import { Injectable } from '@nestjs/common';
import { ValidationError } from '@atlas/common';
import { FACT_TYPES } from '@atlas/events';
import type { FactType } from '@atlas/events';
import { SearchQueries, filterKeyOf } from '@atlas/read-models';
import { foldWord } from '@atlas/store';
import type { SearchKind } from '@atlas/read-models';
import { decodeCursor, encodeCursor } from '../knowledge/cursor';
import { timeRange, toInstant } from '../knowledge/instant';
import { MAX_PAGE_SIZE } from '../knowledge/knowledge.dto';
import { namedEntities } from './entity-names';
import { compareHits, parseRankKey, rankHits, RankedHit, rankKeyOf } from './ranking';
import { SearchHit, SearchPageView } from './search-hit';
import { searchTerms } from './search-terms';
import { snippetOf } from './snippet';

/** The best hits of a query are ranked, at most this many: pages beyond them end the listing. */
export const MAX_RANKED_HITS = 500;

/** What to look for; the REST route, POST /api/ask and the MCP tool all pass this. */
export interface SearchQuery {
  /**
   * Words; a hit holds at least one of them (the more and the rarer, the better it ranks). Any length here: the REST
   * route allows 16 words, as the facts listing's `q` does.
   */
  q: string;
  /** Only these channels (all when absent). */
  channelIds?: string[];
  /** Only these kinds (all when absent; only facts when `factTypes` is given alone). */
  kinds?: SearchKind[];
  /** Only facts of these types (facts of every type when absent). */
  factTypes?: FactType[];
  /** ISO 8601: a hit's time (fact valid_at, message time, page updated_at) from (inclusive) and to (exclusive). */
  from?: string;
  to?: string;
  /** 1 to 200. */
  limit: number;
  /** `next_cursor` of the previous page. */
  cursor?: string;
}

export interface SearchResult {
  hits: SearchHit[];
  next_cursor: string | null;
}

/**
 * Search over facts, wiki sections and messages of every channel: BM25 over the search index (one collection, so
 * the kinds' scores compare), then the entity boost, supersession and recency (ranking.ts). docs/KNOWLEDGE.md#search.
 */
@Injectable()
export class SearchService {
  constructor(private readonly queries: SearchQueries) {}

  async search(query: SearchQuery): Promise<SearchResult> {
    checkQuery(query);
    const after = afterKey(query.cursor);
    const { from, to } = timeRange(query.from, query.to);
    const terms = searchTerms(query.q);
    if (terms.length === 0) return { hits: [], next_cursor: null };
    const candidates = await this.queries.entries({
      text: terms.join(' '),
      channel_ids: query.channelIds,
      filter_keys: filterKeys(query.kinds, query.factTypes),
      from,
      to,
      limit: MAX_RANKED_HITS,
    });
    const facts = await this.queries.facts(candidates.flatMap((c) => (c.doc.kind === 'fact' ? [c.doc.ref_id] : [])));
    const entities = await this.queries.entities(facts.flatMap((fact) => fact.entity_ids));
    const folded = terms.map(foldWord);
    const ranked = rankHits(candidates, new Map(facts.map((fact) => [fact.id, fact])), namedEntities(folded, entities));
    // A removed channel's knowledge stays in the read models (as its facts do) but is no longer listed.
    const channels = new Map(
      (await this.queries.channels(ranked.map((hit) => hit.entry.channel_id))).map((c) => [c.channel_id, c.name]),
    );
    const listed = ranked.filter((hit) => channels.has(hit.entry.channel_id));
    const rest = after === null ? listed : listed.filter((hit) => compareHits(hit, after) > 0);
    const page = rest.slice(0, query.limit);
    return {
      hits: page.map((hit) => hitView(hit, channels.get(hit.entry.channel_id) ?? null, folded)),
      next_cursor: rest.length > page.length ? encodeCursor(rankKeyOf(page[page.length - 1])) : null,
    };
  }
}

/** What the REST route's DTO checks, checked again for callers that do not come through it (ask, MCP). */
function checkQuery(query: SearchQuery): void {
  if (!Number.isInteger(query.limit) || query.limit < 1 || query.limit > MAX_PAGE_SIZE) {
    throw new ValidationError(`limit must be an integer from 1 to ${MAX_PAGE_SIZE}`, { limit: query.limit });
  }
  for (const [name, value] of [
    ['from', query.from],
    ['to', query.to],
  ] as const) {
    if (value !== undefined && toInstant(value) === null) {
      throw new ValidationError(`${name} must be an ISO 8601 date or date-time`, { [name]: value });
    }
  }
}

function afterKey(cursor: string | undefined) {
  const key = decodeCursor(cursor);
  if (key === null) return null;
  const parsed = parseRankKey(key);
  if (!parsed) {
    throw new ValidationError('cursor is not a cursor this API returned: pass next_cursor of the previous page', {
      cursor,
    });
  }
  return parsed;
}

/** The index's filter keys for the kinds and fact types asked for; undefined: everything. */
export function filterKeys(kinds: SearchKind[] | undefined, factTypes: FactType[] | undefined): string[] | undefined {
  if (kinds === undefined && factTypes === undefined) return undefined;
  const wanted = kinds ?? ['fact'];
  if (factTypes !== undefined && !wanted.includes('fact')) {
    throw new ValidationError('type filters facts: add fact to kind, or leave kind out', {
      kind: kinds,
      type: factTypes,
    });
  }
  return [...new Set(wanted)].flatMap((kind) =>
    kind === 'fact' ? (factTypes ?? FACT_TYPES).map((type) => filterKeyOf('fact', type)) : [filterKeyOf(kind)],
  );
}

function hitView(hit: RankedHit, channelName: string | null, terms: string[]): SearchHit {
  const { entry, fact } = hit;
  return {
    kind: entry.kind,
    id: entry.ref_id,
    channel_id: entry.channel_id,
    channel_name: channelName,
    ...snippetOf(entry.text, terms),
    score: hit.score,
    entity_match: hit.entity_match,
    time: entry.time,
    fact_type: entry.fact_type,
    state: fact?.state ?? null,
    superseded_by: fact?.superseded_by ?? null,
    wiki: entry.wiki,
    citation: entry.citations[0] ?? null,
    citations: entry.citations,
  };
}
