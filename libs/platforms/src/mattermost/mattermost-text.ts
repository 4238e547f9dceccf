import type { MessageMention } from '@atlas/events';

export interface MentionedUser {
  id: string;
  name: string;
}

export interface RenderedMattermostText {
  text: string;
  mentions: MessageMention[];
}

/**
 * `@username` where a mention can start: at the beginning or after a character that cannot belong to a
 * word, a username or an e-mail address (so `ana@example.com` is no mention). Usernames are lowercase
 * letters, digits, `.`, `-` and `_`; people type them in any case.
 */
const MENTION = /(^|[^\p{L}\p{N}_.@-])@([a-z0-9][a-z0-9._-]*)/giu;

/** Mattermost's channel-wide mentions: not people. */
const SPECIAL_MENTIONS = new Set(['all', 'channel', 'here']);

/**
 * The usernames a text may mention, lowercased, each once. A sentence ending right after a mention
 * (`ask @chen.wei.`) makes the punctuation look like part of the name, so the name is also tried
 * without it, as Mattermost does.
 */
export function mentionCandidates(text: string): string[] {
  const candidates = new Set<string>();
  for (const match of text.matchAll(MENTION)) {
    for (const candidate of usernameVariants(match[2])) candidates.add(candidate);
  }
  return [...candidates];
}

/** Renders `@username` as `@Display Name` for the users `lookUp` knows, and lists them once each. */
export function renderMattermostText(
  raw: string,
  lookUp: (username: string) => MentionedUser | undefined,
): RenderedMattermostText {
  const mentions = new Map<string, MessageMention>();
  const text = raw.replace(MENTION, (whole: string, prefix: string, typed: string) => {
    for (const candidate of usernameVariants(typed)) {
      const user = lookUp(candidate);
      if (!user) continue;
      mentions.set(user.id, { id: user.id, name: user.name });
      return `${prefix}@${user.name}${typed.slice(candidate.length)}`;
    }
    return whole;
  });
  return { text, mentions: [...mentions.values()] };
}

/** `chen.wei._` → `chen.wei._`, `chen.wei.`, `chen.wei`: longest first, channel-wide mentions left out. */
function usernameVariants(typed: string): string[] {
  const variants: string[] = [];
  let candidate = typed.toLowerCase();
  for (;;) {
    if (!SPECIAL_MENTIONS.has(candidate)) variants.push(candidate);
    const shorter = candidate.replace(/[._-]$/, '');
    if (shorter === candidate || shorter === '') return variants;
    candidate = shorter;
  }
}
