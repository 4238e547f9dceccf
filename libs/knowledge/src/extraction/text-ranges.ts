export interface TextRange {
  start: number;
  end: number;
}

/** Every match of a global pattern as a range of the text. */
export function rangesOf(text: string, pattern: RegExp): TextRange[] {
  return matchesOf(text, pattern).map((match) => ({ start: match.index, end: match.index + match[0].length }));
}

/**
 * Every match of a global pattern, the ones `text.matchAll(pattern)` yields, read all at once. matchAll
 * makes a copy of its pattern on every call, which on a chat line costs several times the search itself
 * (extraction runs thousands of patterns a batch); this searches with the pattern itself, from its
 * lastIndex as matchAll does, and leaves its lastIndex as it found it.
 */
export function matchesOf(text: string, pattern: RegExp): RegExpExecArray[] {
  if (!pattern.global) throw new TypeError(`matchesOf needs a global pattern: ${pattern}`);
  const from = pattern.lastIndex;
  const unicode = pattern.unicode || pattern.flags.includes('v');
  const matches: RegExpExecArray[] = [];
  try {
    for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
      matches.push(match);
      // An empty match would be found again where it is: step over it, over a whole surrogate pair in unicode mode.
      if (match[0] === '') pattern.lastIndex = nextIndex(text, pattern.lastIndex, unicode);
    }
  } finally {
    pattern.lastIndex = from;
  }
  return matches;
}

function nextIndex(text: string, index: number, unicode: boolean): number {
  if (!unicode || index + 1 >= text.length) return index + 1;
  const code = text.charCodeAt(index);
  const next = text.charCodeAt(index + 1);
  return code >= 0xd800 && code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff ? index + 2 : index + 1;
}

/**
 * Overwrites the ranges with a filler character, keeping every other character at its offset, so
 * that results found in the masked text can be read back from the original.
 */
export function maskRanges(text: string, ranges: readonly TextRange[], filler: string): string {
  if (ranges.length === 0) return text;
  const characters = text.split('');
  for (const { start, end } of ranges) {
    for (let offset = start; offset < end; offset++) {
      if (characters[offset] !== ' ') characters[offset] = filler;
    }
  }
  return characters.join('');
}

export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
