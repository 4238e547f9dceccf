/** Characters that would open emphasis, code, links, HTML, headings, tables or strikethrough. */
const INLINE_SIGNIFICANT = /[\\`*_{}[\]<>#|~]/g;

/**
 * Chat text made safe to place inline on a page: it reads the same but cannot start a heading, a
 * list, a code span, a link or a fake citation like "[2]".
 */
export function escapeMarkdown(text: string): string {
  return collapse(text)
    .replace(INLINE_SIGNIFICANT, '\\$&')
    .replace(/^(\d+)([.)])(?=\s|$)/, '$1\\$2')
    .replace(/^([-+=])(?=\s|$)/, '\\$1');
}

/** At most `max` characters, cut at a word boundary when one is near, marked with an ellipsis. */
export function shorten(text: string, max: number): string {
  const collapsed = collapse(text);
  if (collapsed.length <= max) return collapsed;
  const room = max - 1; // one character is the ellipsis
  // One character past the room tells whether the cut falls between two words.
  const head = collapsed.slice(0, room + 1);
  const lastSpace = head.lastIndexOf(' ');
  return `${(lastSpace > room * 0.6 ? head.slice(0, lastSpace) : head.slice(0, room)).trimEnd()}…`;
}

/** "2024-03-04 14:05 UTC"; an unparseable timestamp is shown as given. */
export function formatUtcTime(timestamp: string): string {
  const iso = isoOf(timestamp);
  return iso === null ? timestamp : `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

/** "2024-03-04" (UTC). */
export function formatUtcDate(timestamp: string): string {
  return isoOf(timestamp)?.slice(0, 10) ?? timestamp;
}

/** A permalink as an autolink, or nothing when it is not a plain http(s) URL that would render as one. */
export function autolink(url: string | null): string {
  return url !== null && /^https?:\/\/[^\s<>]+$/.test(url) ? `<${url}>` : '';
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function isoOf(timestamp: string): string | null {
  const ms = Date.parse(timestamp);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

/** A relative link to another page of the wiki: `[Billing migration](topic-billing-migration)`. */
export function pageLink(text: string, slug: string): string {
  return `[${escapeMarkdown(text)}](${slug})`;
}
