/**
 * Whether a text found by the search supports an answer: the search ranks anything that holds one of the
 * question's terms, so a fact that shares one common word with a long question would answer it. A text
 * supports the answer when it holds at least a quarter of the terms (one of up to four, two of five to eight...),
 * each term beginning one of its words, case and accents ignored as the search ignores them. A quarter, not
 * more: in chat an answer rarely repeats the question's words (tuned on the dev questions, docs/KNOWLEDGE.md).
 */
export function supportsAnswer(texts: readonly (string | null | undefined)[], terms: readonly string[]): boolean {
  return matchedTerms(texts, terms) >= termsNeeded(terms.length);
}

export function termsNeeded(termCount: number): number {
  return Math.max(1, Math.ceil(termCount / 4));
}

/** How many of the terms begin a word of the texts. */
export function matchedTerms(texts: readonly (string | null | undefined)[], terms: readonly string[]): number {
  const words = new Set(texts.flatMap((text) => (text ? fold(text).split(/[^\p{L}\p{N}]+/u) : [])));
  words.delete('');
  return terms.filter((term) => [...words].some((word) => word.startsWith(fold(term)))).length;
}

function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}
