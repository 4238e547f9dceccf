const FENCED_CODE = /```[\s\S]*?(?:```|$)/g;
const QUOTED_LINE = /^\s*(?:>|&gt;)/;
const LIST_MARKER = /^\s*(?:[-*•◦‣▪]|\d{1,3}[.)])\s+/;
const INVISIBLE = /[\u200b\u200c\ufeff\u2060]/g;

/**
 * The part of a message's text that states something in the author's own words: code blocks are
 * not sentences, and quoted lines are someone else's words (citing them to this author would be
 * wrong). List markers are dropped so each item reads as a sentence of its own.
 */
export function prepareMessageText(text: string): string {
  return text
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(INVISIBLE, '')
    .replace(FENCED_CODE, '\n')
    .split('\n')
    .filter((line) => !QUOTED_LINE.test(line))
    .map((line) => line.replace(LIST_MARKER, ''))
    .join('\n');
}
