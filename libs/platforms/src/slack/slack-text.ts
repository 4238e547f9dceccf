import type { MessageMention } from '@atlas/events';

/** Names the renderer cannot read from the markup itself. */
export interface SlackNameLookup {
  userName(userId: string): string | undefined;
  channelName(channelId: string): string | undefined;
}

export interface RenderedSlackText {
  text: string;
  mentions: MessageMention[];
}

// Slack escapes literal <, > and & in message text, so every remaining angle bracket delimits markup.
const MARKUP = /<([^<>]*)>/g;
const USER_MENTION = /<@([UW][A-Z0-9]+)(?:\|[^<>]*)?>/g;

export function unescapeSlack(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** User ids mentioned with `<@U…>` markup, each once, in order of appearance. */
export function mentionedUserIds(text: string): string[] {
  return [...new Set(Array.from(text.matchAll(USER_MENTION), (match) => match[1]))];
}

/**
 * Turns Slack markup into what a reader sees: `<@U1>` becomes `@Ana`, `<#C1|general>` becomes
 * `#general`, `<https://x|label>` becomes `label (https://x)`.
 */
export function renderSlackText(raw: string, names: SlackNameLookup): RenderedSlackText {
  const mentions = new Map<string, MessageMention>();
  let text = '';
  let consumed = 0;
  for (const match of raw.matchAll(MARKUP)) {
    text += unescapeSlack(raw.slice(consumed, match.index));
    text += renderMarkup(match[1], names, mentions);
    consumed = match.index + match[0].length;
  }
  text += unescapeSlack(raw.slice(consumed));
  return { text, mentions: [...mentions.values()] };
}

function renderMarkup(markup: string, names: SlackNameLookup, mentions: Map<string, MessageMention>): string {
  const separator = markup.indexOf('|');
  const target = separator < 0 ? markup : markup.slice(0, separator);
  const label = separator < 0 ? '' : unescapeSlack(markup.slice(separator + 1));

  if (target.startsWith('@')) {
    const id = target.slice(1);
    const name = names.userName(id) ?? (label || id);
    mentions.set(id, { id, name });
    return `@${name}`;
  }
  if (target.startsWith('#')) {
    const id = target.slice(1);
    return `#${label || names.channelName(id) || id}`;
  }
  if (target.startsWith('!')) return renderSpecialMention(target.slice(1), label);
  return renderLink(unescapeSlack(target), label);
}

/** `<!here>`, `<!subteam^S1|@design>`, `<!date^1712345678^{date}|April 5th>` and the like. */
function renderSpecialMention(command: string, label: string): string {
  if (label) return label;
  const [name] = command.split('^');
  return `@${name}`;
}

function renderLink(url: string, label: string): string {
  if (!label || label === url) return url;
  if (url === `mailto:${label}`) return label;
  return `${label} (${url})`;
}
