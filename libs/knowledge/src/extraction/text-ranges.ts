export interface TextRange {
  start: number;
  end: number;
}

/** Every match of a global pattern as a range of the text. */
export function rangesOf(text: string, pattern: RegExp): TextRange[] {
  return Array.from(text.matchAll(pattern), (match) => ({ start: match.index, end: match.index + match[0].length }));
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
