import { findUrls } from './links';
import { isSmallTalk } from './small-talk';
import { isSubstantive, wordCount } from './substance';

const MAX_SENTENCES_PER_UNIT = 3;
const MAX_UNIT_LENGTH = 500;
/** A sentence opening with one of these finishes the thought of the sentence before it. */
const CONTINUATION =
  /^(?:because|since|so|which|otherwise|unless|except|or|but|and|then|i\.e\.|e\.g\.|that way|that's why|this means|that means)\b/i;
const SHORT_SENTENCE_WORDS = 3;
const ADDRESSED_CONTINUATION = /^\w+\s+@/;

/**
 * Groups sentences into the texts of atomic facts: one sentence each, except that a lead-in ending
 * with ":", a continuation ("because ...", "or ...?"), a trailing link or a fragment too short to
 * stand alone joins its neighbour. Small talk is dropped and breaks a run; units too short to state anything are dropped.
 */
export function groupIntoFactUnits(sentences: readonly string[]): string[] {
  const units: string[][] = [];
  let current: string[] | null = null;
  for (const sentence of sentences) {
    if (isSmallTalk(sentence)) {
      current = null;
    } else if (current !== null && belongsTo(current, sentence)) {
      current.push(sentence);
    } else {
      current = [sentence];
      units.push(current);
    }
  }
  return units.map((unit) => unit.join(' ')).filter(isSubstantive);
}

function belongsTo(unit: readonly string[], sentence: string): boolean {
  const previous = unit[unit.length - 1];
  if (unit.length >= MAX_SENTENCES_PER_UNIT) return false;
  if (unit.join(' ').length + 1 + sentence.length > MAX_UNIT_LENGTH) return false;
  if (previous.endsWith(':')) return true;
  // "… Wednesday? And @Ben I've been warned already": a continuation said to someone new starts its own fact.
  if (CONTINUATION.test(sentence)) return !ADDRESSED_CONTINUATION.test(sentence);
  // "Can you review it? https://…": a short line with a link is the reference of the sentence before.
  if (wordCount(sentence) < SHORT_SENTENCE_WORDS && findUrls(sentence).length > 0) return true;
  // A question stands alone: "Is the deploy done? Not yet." are two statements, not one.
  if (endsWithQuestionMark(previous) || endsWithQuestionMark(sentence)) return false;
  return wordCount(previous) < SHORT_SENTENCE_WORDS || wordCount(sentence) < SHORT_SENTENCE_WORDS;
}

export function endsWithQuestionMark(text: string): boolean {
  return /\?[\s"'”’)\]\p{Extended_Pictographic}\ufe0f]*$/u.test(text) || /\?\s*(?::[a-z0-9_+-]+:\s*)+$/.test(text);
}
