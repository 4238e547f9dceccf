import { normalizeName } from '../names';

/** Leading words that do not change what a name names: "the billing migration" is "billing migration". */
const ARTICLES = new Set(['the', 'a', 'an', 'our', 'their', 'this', 'that']);

/**
 * The words of a name as entity resolution compares them: normalized (case, width, @/#, spacing), possessives
 * and leading articles dropped, every run of punctuation a word break ("billing-migration", "Billing Migration's"
 * and "the billing migration" are all `billing migration`). "+" and "#" spell out, so C++, C# and C stay apart.
 */
export function nameWords(name: string): string[] {
  const words = normalizeName(name)
    .replace(/['’]s\b/gu, '')
    .replace(/\+/g, ' plus ')
    .replace(/(\p{L})#/gu, '$1 sharp ')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== '');
  // "The" alone is still a name: only an article followed by more words is dropped.
  while (words.length > 1 && ARTICLES.has(words[0])) words.shift();
  return words;
}

/**
 * The exact-match form of a name: its words without spaces, so "Atlas Sync", "atlas-sync" and "AtlasSync"
 * meet. Two numbers in a row keep a dot between them: "v1.2" (`v1.2`) is not "v12".
 */
export function nameForm(name: string): string {
  const words = nameWords(name);
  return words.reduce((form, word, i) => {
    const betweenDigits = i > 0 && /\p{N}$/u.test(words[i - 1]) && /^\p{N}/u.test(word);
    return form + (betweenDigits ? '.' : '') + word;
  }, '');
}

/** The numbers a name carries, in order: "Postgres 15" → ["15"], "OPS-12" → ["12"], "Atlas v2" → ["2"]. */
export function nameNumbers(name: string): string[] {
  return normalizeName(name).match(/\p{N}+/gu) ?? [];
}
