import { foldWord } from '@atlas/store';

/** The longest snippet a hit shows; a longer text is cut around its first match. */
export const SNIPPET_LENGTH = 240;
/** How much of the text before the first match a cut snippet keeps. */
const LEAD = 60;
const WORD = /[\p{L}\p{N}\p{M}\p{Co}]+/gu;

/** `[start, end)` offsets into the snippet, in UTF-16 code units (JavaScript string indices). */
export type Highlight = [start: number, end: number];

export interface Snippet {
  /** Plain text: never HTML, whatever the message said. */
  snippet: string;
  highlights: Highlight[];
}

/**
 * The part of `text` to show for a hit and the words in it that the search matched: every word that one of the
 * (folded) `terms` begins, as the index matched it. Whitespace runs are kept as they are, so offsets stay exact.
 */
export function snippetOf(text: string, terms: readonly string[]): Snippet {
  const matches: Highlight[] = [];
  for (const match of text.matchAll(WORD)) {
    const folded = foldWord(match[0]);
    if (terms.some((term) => term !== '' && folded.startsWith(term))) {
      matches.push([match.index, match.index + match[0].length]);
    }
  }
  if (text.length <= SNIPPET_LENGTH) return { snippet: text, highlights: matches };
  const first = matches[0]?.[0] ?? 0;
  let start = Math.max(0, first - LEAD);
  // Begin at a word's start: after the last space before the window (unless that loses the match).
  if (start > 0) {
    const space = text.lastIndexOf(' ', start);
    start = space >= 0 && space + 1 <= first ? space + 1 : start;
  }
  let end = Math.min(text.length, start + SNIPPET_LENGTH);
  if (end < text.length) {
    const space = text.lastIndexOf(' ', end);
    if (space > first) end = space;
  }
  const prefix = start > 0 ? '…' : '';
  const suffix = end < text.length ? '…' : '';
  const shift = prefix.length - start;
  return {
    snippet: `${prefix}${text.slice(start, end)}${suffix}`,
    highlights: matches
      .filter(([from, to]) => from >= start && to <= end)
      .map(([from, to]): Highlight => [from + shift, to + shift]),
  };
}
