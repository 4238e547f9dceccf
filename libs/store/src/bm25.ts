/**
 * BM25 exactly as SQLite FTS5's bm25() computes it for a query of prefix terms ORed together, so that the MongoDB
 * adapter, which has no BM25 of its own, ranks what the SQLite adapter ranks in the same order with the same scores.
 * FTS5 (ext/fts5/fts5_aux.c): k1 = 1.2, b = 0.75; idf = ln((N - n + 0.5) / (n + 0.5)), at least 1e-6; avgdl over
 * every row of the collection, also rows without text (length 0). A prefix term counts every token it begins.
 */
export const BM25_K1 = 1.2;
export const BM25_B = 0.75;
const MIN_IDF = 1e-6;

export interface Bm25Stats {
  /** Documents in the collection (N). */
  documents: number;
  /** Tokens in all of them together (avgdl = totalTokens / documents). */
  totalTokens: number;
  /** For each (folded) term, how many documents hold a token it begins (n). */
  documentFrequency: ReadonlyMap<string, number>;
}

/** The score of one document (its folded tokens) for the folded prefix terms; 0 when none occurs. */
export function bm25Score(tokens: readonly string[], terms: readonly string[], stats: Bm25Stats): number {
  const averageLength = stats.documents > 0 ? stats.totalTokens / stats.documents : 0;
  let score = 0;
  for (const term of terms) {
    const frequency = tokens.filter((token) => token.startsWith(term)).length;
    if (frequency === 0) continue;
    const n = stats.documentFrequency.get(term) ?? 0;
    const idf = Math.max(Math.log((stats.documents - n + 0.5) / (n + 0.5)), MIN_IDF);
    const lengthRatio = averageLength > 0 ? tokens.length / averageLength : 0;
    score += (idf * (frequency * (BM25_K1 + 1))) / (frequency + BM25_K1 * (1 - BM25_B + BM25_B * lengthRatio));
  }
  return score;
}
