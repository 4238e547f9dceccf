import { queryWords } from '@atlas/store';

/**
 * English words too common to say what a question is about. Search matches any word of the query (ranked by BM25),
 * so "when is the launch" would otherwise find every message holding "the"; they are left out of the query unless it
 * has nothing else. BM25 already weighs them near zero; this keeps them from adding hits that match nothing else.
 */
const STOP_WORDS = new Set(
  (
    'a an and are as at be been but by can could did do does for from had has have how i if in is it its me my ' +
    'no not of on or our so than that the their them then there these they this to was we were what when where ' +
    'which who whom why will with would you your about any all should'
  ).split(' '),
);

/** The words of `q` that search looks for (as typed; the store folds case and accents). */
export function searchTerms(q: string): string[] {
  const words = queryWords(q);
  const meaningful = words.filter((word) => !STOP_WORDS.has(word.toLowerCase()));
  return meaningful.length > 0 ? meaningful : words;
}

export function isStopWord(folded: string): boolean {
  return STOP_WORDS.has(folded);
}
