/**
 * Words as full-text search sees them, the same way in both adapters: a word is a run of letters, digits and
 * combining marks (Unicode L, N, M, Co: the characters SQLite FTS5's `unicode61` tokenizer keeps); everything
 * else (spaces, punctuation, symbols, query operators of any search engine) only separates words.
 */
const QUERY_WORD = /[\p{L}\p{N}\p{M}\p{Co}]+/gu;
const HAS_LETTER_OR_DIGIT = /[\p{L}\p{N}\p{Co}]/u;
const MARKS = /\p{M}+/gu;

/**
 * The distinct words of a search query, as typed. A run of combining marks alone is no word: FTS5 would read it
 * as an empty phrase, which matches nothing.
 */
export function queryWords(query: string): string[] {
  const words = (query.match(QUERY_WORD) ?? []).filter((word) => HAS_LETTER_OR_DIGIT.test(word));
  return [...new Set(words)];
}

/**
 * A word folded for comparison: lower case, diacritics removed (é → e, ö → o), the way FTS5's
 * `unicode61 remove_diacritics 2` folds the Latin, Greek and Cyrillic letters of chat text.
 */
export function foldWord(word: string): string {
  return word.normalize('NFD').toLowerCase().normalize('NFD').replace(MARKS, '');
}

/** The distinct folded words of a text: what the MongoDB adapter indexes for it. */
export function foldedWords(text: string): string[] {
  return [...new Set(queryWords(text).map(foldWord))];
}

/** Every word of a text, folded, in order and with repeats: what BM25 counts (term frequency, document length). */
export function foldedTokens(text: string): string[] {
  return (text.match(QUERY_WORD) ?? []).filter((word) => HAS_LETTER_OR_DIGIT.test(word)).map(foldWord);
}
