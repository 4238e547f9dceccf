import type { ClientSession, Collection, Document, Filter } from 'mongodb';
import { bm25Score, Bm25Stats } from '../bm25';
import { foldedTokens, foldWord } from '../search-words';
import type { RankedDocument, StoredDocument } from '../store';
import { prefixFilter, SEARCH_LENGTH_FIELD, SEARCH_WORDS_FIELD, searchTextOf } from './mongo-search';

/**
 * Ranked search on MongoDB. A MongoDB text index (`$text` with `textScore`) would rank differently from SQLite: it
 * stems whole words, matches no prefix, and scores with its own formula. Instead the candidates are found through the
 * same `_search_words` index `$matches` uses (any word of the query begins one of theirs), and each is scored here
 * with FTS5's own BM25 from collection statistics: N (documents), the summed `_search_length` (average length) and,
 * per query word, the documents it begins a word of. Same words, same scores, same order as the SQLite adapter.
 *
 * The price: every candidate is read to be scored (at most MAX_RANKED_CANDIDATES, in index order, so a query
 * matching more may miss some of its best), and the statistics cost one aggregation over the collection's lengths and
 * one count per word. Fine for a chat knowledge base's read models; Atlas Search would be the next step beyond.
 */
export const MAX_RANKED_CANDIDATES = 5000;

export async function mongoRankedSearch<T extends StoredDocument>(
  target: Collection<Document>,
  request: { field: string; words: string[]; filter: Filter<Document>; limit: number },
  session: ClientSession | undefined,
): Promise<RankedDocument<T>[]> {
  const terms = [...new Set(request.words.map(foldWord))];
  if (terms.length === 0 || request.limit === 0) return [];
  // One after another: operations of one session's transaction must not overlap.
  const documents = await target.countDocuments({}, { session });
  const [totals] = await target
    .aggregate<{ tokens: number }>([{ $group: { _id: null, tokens: { $sum: `$${SEARCH_LENGTH_FIELD}` } } }], {
      session,
    })
    .toArray();
  const documentFrequency = new Map<string, number>();
  for (const term of terms) documentFrequency.set(term, await target.countDocuments(prefixFilter(term), { session }));
  const candidates = await target
    .find(
      { $and: [request.filter, { $or: terms.map(prefixFilter) }] },
      { projection: { _id: 0, [SEARCH_WORDS_FIELD]: 0, [SEARCH_LENGTH_FIELD]: 0 }, session },
    )
    .limit(MAX_RANKED_CANDIDATES)
    .toArray();
  const stats = { documents, totalTokens: totals?.tokens ?? 0, documentFrequency };
  // Read with _id and the search fields projected away: each is exactly the document that was put.
  return rankDocuments<T>(candidates as unknown as T[], request.field, terms, stats, request.limit);
}

/** The documents scored, best first, ties by id, the first `limit`; documents no term occurs in are left out. */
export function rankDocuments<T extends StoredDocument>(
  docs: readonly T[],
  field: string,
  terms: readonly string[],
  stats: Bm25Stats,
  limit: number,
): RankedDocument<T>[] {
  return docs
    .map((doc) => {
      const text = searchTextOf(doc, field);
      return { doc, score: text === null ? 0 : bm25Score(foldedTokens(text), terms, stats) };
    })
    .filter((ranked) => ranked.score > 0)
    .sort((a, b) => b.score - a.score || (a.doc.id < b.doc.id ? -1 : a.doc.id > b.doc.id ? 1 : 0))
    .slice(0, limit);
}
