import type { MessageMention } from '@atlas/events';

/** Names the renderer cannot read from the markup itself. */
export interface DiscordNameLookup {
  userName(userId: string): string | undefined;
  roleName(roleId: string): string | undefined;
  channelName(channelId: string): string | undefined;
}

export interface RenderedDiscordText {
  text: string;
  mentions: MessageMention[];
}

// Discord leaves `<` and `>` unescaped in content, so only these exact shapes are markup.
const MARKUP =
  /<(@!?|@&|#)(\d{1,20})>|<(a?):(\w{1,32}):\d{1,20}>|<t:(-?\d{1,13})(?::[tTdDfFR])?>|<\/([\w -]{1,96}):\d{1,20}>/g;
const USER_MENTION = /<@!?(\d{1,20})>/g;
const ROLE_MENTION = /<@&(\d{1,20})>/g;
const CHANNEL_MENTION = /<#(\d{1,20})>/g;

const unique = (text: string, pattern: RegExp): string[] => [
  ...new Set(Array.from(text.matchAll(pattern), (match) => match[1])),
];

export const mentionedUserIds = (text: string): string[] => unique(text, USER_MENTION);
export const mentionedRoleIds = (text: string): string[] => unique(text, ROLE_MENTION);
export const mentionedChannelIds = (text: string): string[] => unique(text, CHANNEL_MENTION);

/**
 * Turns Discord markup into what a reader sees: `<@1>` and `<@!1>` become `@Ana`, `<@&2>` the role's
 * `@name`, `<#3>` `#general`, `<:party:4>` `:party:`, `<t:1700000000:R>` the instant in ISO form,
 * `</deploy:5>` `/deploy`. Mentioned users are listed once each, in order of appearance.
 */
export function renderDiscordText(content: string, names: DiscordNameLookup): RenderedDiscordText {
  const mentions = new Map<string, MessageMention>();
  const text = content.replace(
    MARKUP,
    (
      _match,
      kind?: string,
      id?: string,
      _animated?: string,
      emoji?: string,
      unixSeconds?: string,
      command?: string,
    ) => {
      if (kind === '@' || kind === '@!') {
        const name = names.userName(id!) ?? id!;
        if (!mentions.has(id!)) mentions.set(id!, { id: id!, name });
        return `@${name}`;
      }
      if (kind === '@&') return `@${names.roleName(id!) ?? id}`;
      if (kind === '#') return `#${names.channelName(id!) ?? id}`;
      if (emoji !== undefined) return `:${emoji}:`;
      if (unixSeconds !== undefined) return renderInstant(Number(unixSeconds));
      return `/${command}`;
    },
  );
  return { text, mentions: [...mentions.values()] };
}

function renderInstant(unixSeconds: number): string {
  const date = new Date(unixSeconds * 1000);
  return Number.isNaN(date.getTime()) ? String(unixSeconds) : date.toISOString();
}
