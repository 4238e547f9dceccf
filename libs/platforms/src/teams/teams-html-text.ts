import type { MessageMention } from '@atlas/events';
import { decodeHtmlEntities } from './html-entities';

/** A mention as the renderer needs it: what `<at id="…">` stands for. */
export interface MentionTarget {
  /** The mentioned user's id, or null for a channel, team or tag mention. */
  userId: string | null;
  name: string;
}

export interface RenderedTeamsText {
  text: string;
  mentions: MessageMention[];
}

/** Elements whose start and end break the line, as a browser lays them out. */
const BLOCK_ELEMENTS = new Set([
  'p',
  'div',
  'li',
  'ul',
  'ol',
  'tr',
  'table',
  'blockquote',
  'pre',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'hr',
]);
/** Elements whose content is not text a reader sees. */
const HIDDEN_ELEMENTS = new Set(['script', 'style', 'head', 'title']);
const TAG = /<!--[\s\S]*?-->|<\/?([a-zA-Z][a-zA-Z0-9:-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g;

/**
 * Turns a Teams message body (HTML) into what a reader sees: tags stripped, entities decoded, the
 * line breaks of paragraphs, `<br>` and `<div>` kept, `<at id="0">Chen</at>` rendered `@Chen` with
 * the display name from the message's `mentions`, and links as `label (url)`.
 */
export function renderTeamsHtml(html: string, mentionTargets: ReadonlyMap<string, MentionTarget>): RenderedTeamsText {
  const out = new TextBuilder();
  const mentions = new Map<string, MessageMention>();
  let hiddenDepth = 0;
  let mention: { target: MentionTarget | undefined; text: string } | null = null;
  let lastMentionUser: string | null = null;
  let link: { href: string; start: number } | null = null;
  let consumed = 0;

  const text = (raw: string) => {
    if (hiddenDepth > 0 || raw === '') return;
    const decoded = decodeHtmlEntities(raw);
    if (mention) mention.text += decoded;
    else {
      if (decoded.trim() !== '') lastMentionUser = null;
      out.text(decoded);
    }
  };

  for (const match of html.matchAll(TAG)) {
    text(html.slice(consumed, match.index));
    consumed = match.index + match[0].length;
    const name = match[1]?.toLowerCase();
    if (!name) continue;
    const closing = match[0].startsWith('</');
    const attributes = match[2] ?? '';

    if (HIDDEN_ELEMENTS.has(name)) {
      if (!closing && !attributes.trimEnd().endsWith('/')) hiddenDepth += 1;
      else if (closing) hiddenDepth = Math.max(0, hiddenDepth - 1);
      continue;
    }
    if (hiddenDepth > 0) continue;

    if (name === 'at') {
      if (!closing) {
        mention = { target: mentionTargets.get(attribute(attributes, 'id') ?? ''), text: '' };
        continue;
      }
      if (!mention) continue;
      const { target } = mention;
      const userId = target?.userId ?? null;
      // Teams splits a full name into one <at> per word, all naming the same person: render it once.
      if (userId === null || userId !== lastMentionUser) {
        out.text(`@${target?.name ?? mention.text.trim()}`);
        if (userId !== null && target) mentions.set(userId, { id: userId, name: target.name });
      }
      lastMentionUser = userId;
      mention = null;
      continue;
    }
    if (mention) continue;
    lastMentionUser = null;

    if (name === 'br') out.hardBreak();
    else if (BLOCK_ELEMENTS.has(name)) out.blockBreak();
    else if (name === 'emoji' || name === 'img') {
      const alt = attribute(attributes, 'alt');
      if (!closing && alt) out.text(decodeHtmlEntities(alt));
    } else if (name === 'a') {
      if (!closing) link = { href: decodeHtmlEntities(attribute(attributes, 'href') ?? ''), start: out.length };
      else if (link) {
        out.linkTarget(link.start, link.href);
        link = null;
      }
    }
  }
  text(html.slice(consumed));
  return { text: out.toString(), mentions: [...mentions.values()] };
}

/** A plain-text body (`contentType: text`) is shown as it is. */
export function renderTeamsPlainText(content: string): string {
  return content.replace(/\r\n?/g, '\n').trim();
}

function attribute(attributes: string, name: string): string | undefined {
  const pattern = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s"'>]+))`, 'i');
  const match = pattern.exec(attributes);
  return match ? (match[1] ?? match[2] ?? match[3]) : undefined;
}

/** Collects text as a browser lays it out: whitespace runs collapse, block edges break the line once. */
class TextBuilder {
  private value = '';

  get length(): number {
    return this.value.length;
  }

  text(raw: string): void {
    // \s covers the no-break spaces Teams puts around mentions; a reader needs no difference.
    const collapsed = raw.replace(/\s+/g, ' ');
    const afterSpace = this.value === '' || this.value.endsWith('\n') || this.value.endsWith(' ');
    this.value += afterSpace ? collapsed.replace(/^ /, '') : collapsed;
  }

  blockBreak(): void {
    this.trimLineEnd();
    if (this.value !== '' && !this.value.endsWith('\n')) this.value += '\n';
  }

  hardBreak(): void {
    this.trimLineEnd();
    this.value += '\n';
  }

  /** Appends ` (url)` to the link text written since `start`, unless the text already is the url. */
  linkTarget(start: number, href: string): void {
    const label = this.value.slice(start).trim();
    if (!/^(https?|mailto):/i.test(href) || label === href || `mailto:${label}` === href) return;
    this.value += label === '' ? href : ` (${href})`;
  }

  toString(): string {
    return this.value
      .split('\n')
      .map((line) => line.trimEnd())
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
      .trim();
  }

  private trimLineEnd(): void {
    this.value = this.value.replace(/ +$/, '');
  }
}
