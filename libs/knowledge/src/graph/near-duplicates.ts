import { GENERIC_WORDS } from './generic-words';
import { nameForm, nameNumbers, nameWords } from './name-forms';

/** Character 3-gram Jaccard at or above which two names that pass the guards below are one thing. */
export const NEAR_DUPLICATE_THRESHOLD = 0.75;
/** Names shorter than this (letters and digits, no spaces) are never merged by similarity: "Atlas" ≠ "Atlan". */
export const MIN_NEAR_DUPLICATE_LENGTH = 6;
/** A word two names spell differently must be at least this long to be taken for a typo: "auth" ≠ "oath". */
const MIN_TYPO_WORD_LENGTH = 5;

/** What similarity looks at in a name, computed once per name. */
export interface NameProfile {
  /** The exact-match form (see nameForm). */
  form: string;
  words: string[];
  stems: string[];
  numbers: string;
  grams: ReadonlySet<string>;
  /** The 3-grams of the form with every word singular ("kubernetes" → "kubernete"). */
  stemGrams: ReadonlySet<string>;
  /** Made of generic words only ("the release", "api docs"). */
  generic: boolean;
}

export function nameProfile(name: string): NameProfile {
  const words = nameWords(name);
  const stems = words.map(wordStem);
  const form = nameForm(name);
  return {
    form,
    words,
    stems,
    numbers: nameNumbers(name).join(' '),
    grams: trigrams(form),
    stemGrams: trigrams(stems.join('')),
    generic: stems.every((stem) => GENERIC_WORDS.has(stem)),
  };
}

/**
 * How alike two names are when they may be one thing, else 0. They may when both are long enough, neither is
 * generic, they carry the same numbers ("v1"/"v2", "Postgres 15"/"16", "OPS-12"/"OPS-13" never merge) and the
 * same number of words; then either every word has the same stem (plural and possessive variants: score 1),
 * or each word they spell differently is a one-edit typo of a long, non-generic word with the same first letter
 * and the 3-gram Jaccard of the whole names (as written, or with every word singular: the higher) reaches
 * NEAR_DUPLICATE_THRESHOLD.
 */
export function nearDuplicateScore(a: NameProfile, b: NameProfile): number {
  if (a.form.length < MIN_NEAR_DUPLICATE_LENGTH || b.form.length < MIN_NEAR_DUPLICATE_LENGTH) return 0;
  if (a.generic || b.generic || a.numbers !== b.numbers || a.words.length !== b.words.length) return 0;
  const differing = a.stems.flatMap((stem, i) => (stem === b.stems[i] ? [] : [[a.words[i], b.words[i]]]));
  if (differing.length === 0) return 1;
  if (!differing.every(([x, y]) => isTypo(x, y))) return 0;
  const score = Math.max(jaccard(a.grams, b.grams), jaccard(a.stemGrams, b.stemGrams));
  return score >= NEAR_DUPLICATE_THRESHOLD ? score : 0;
}

function isTypo(x: string, y: string): boolean {
  return (
    Math.min(x.length, y.length) >= MIN_TYPO_WORD_LENGTH &&
    x[0] === y[0] &&
    !GENERIC_WORDS.has(wordStem(x)) &&
    !GENERIC_WORDS.has(wordStem(y)) &&
    editDistanceAtMostOne(x, y)
  );
}

/** Singular of an English plural, roughly; applied to both names alike, so a rough stem only has to agree. */
export function wordStem(word: string): string {
  if (word.length <= 3 || /\p{N}/u.test(word)) return word;
  if (/[^aeiou]ies$/.test(word)) return `${word.slice(0, -3)}y`;
  if (/(x|ch|sh|ss)es$/.test(word)) return word.slice(0, -2);
  if (/s$/.test(word) && !/(ss|us|is)$/.test(word)) return word.slice(0, -1);
  return word;
}

export function trigrams(text: string): Set<string> {
  const grams = new Set<string>();
  if (text.length < 3) grams.add(text);
  for (let i = 0; i + 3 <= text.length; i++) grams.add(text.slice(i, i + 3));
  return grams;
}

export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let shared = 0;
  for (const gram of a) if (b.has(gram)) shared++;
  const union = a.size + b.size - shared;
  return union === 0 ? 0 : shared / union;
}

/** One insertion, deletion, substitution or swap of neighbours (optimal string alignment distance ≤ 1). */
function editDistanceAtMostOne(x: string, y: string): boolean {
  if (x === y) return true;
  if (Math.abs(x.length - y.length) > 1) return false;
  let start = 0;
  while (start < x.length && start < y.length && x[start] === y[start]) start++;
  let endX = x.length;
  let endY = y.length;
  while (endX > start && endY > start && x[endX - 1] === y[endY - 1]) {
    endX--;
    endY--;
  }
  const restX = x.slice(start, endX);
  const restY = y.slice(start, endY);
  if (restX.length + restY.length <= 1) return true;
  if (restX.length === 1 && restY.length === 1) return true;
  return restX.length === 2 && restY.length === 2 && restX[0] === restY[1] && restX[1] === restY[0];
}
