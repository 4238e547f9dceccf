import { findUrls } from './links';
import { maskRanges } from './text-ranges';

const MIN_WORDS = 3;
const MIN_LETTERS = 8;
const WORD = /[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*/gu;

/** Words of the text; a URL counts as one word. */
export function wordCount(text: string): number {
  const urls = findUrls(text);
  const withoutUrls = maskRanges(text, urls, ' ');
  return urls.length + (withoutUrls.match(WORD)?.length ?? 0);
}

/**
 * Long enough to state something: at least three words and eight letters outside URLs, so that
 * "ship it", "+1 done" or a bare link never become facts on their own.
 */
export function isSubstantive(text: string): boolean {
  if (wordCount(text) < MIN_WORDS) return false;
  const withoutUrls = maskRanges(text, findUrls(text), ' ');
  return (withoutUrls.match(/\p{L}/gu)?.length ?? 0) >= MIN_LETTERS;
}
