import type { MessageAttachment, NormalizedMessage } from '@atlas/events';
import { snowflakeToMs } from './discord-snowflake';
import { renderDiscordText } from './discord-text';
import type { DiscordAttachment, DiscordMember, DiscordMessage, DiscordUser } from './discord-types';
import { MESSAGE_TYPE } from './discord-types';

/** What normalizing a message needs beyond the message itself. */
export interface DiscordMessageContext {
  /** The synced channel: thread messages are stored under their parent channel. */
  channelId: string;
  /** Set for messages of a thread channel: the thread's id, which is its starter message's id. */
  threadId: string | null;
  /** Messages of the thread this message started. */
  replyCount: number;
  roleName(roleId: string): string | undefined;
  channelName(channelId: string): string | undefined;
  permalink(message: DiscordMessage): string;
}

/** Discord shows a guild nickname over the global display name, and that over the username. */
export function discordDisplayName(user: DiscordUser, member?: DiscordMember): string {
  return member?.nick || user.global_name || user.username || user.id;
}

export function normalizeDiscordMessage(message: DiscordMessage, context: DiscordMessageContext): NormalizedMessage {
  const mentioned = new Map((message.mentions ?? []).map((user) => [user.id, discordDisplayName(user, user.member)]));
  const rendered = renderDiscordText(messageText(message), {
    userName: (id) => mentioned.get(id),
    roleName: context.roleName,
    channelName: context.channelName,
  });
  const author = message.author;
  return {
    id: message.id,
    channel_id: context.channelId,
    author_id: author?.id ?? null,
    author_name: author ? discordDisplayName(author, message.member) : null,
    text: rendered.text,
    timestamp: isoOrNull(message.timestamp) ?? new Date(snowflakeToMs(message.id)).toISOString(),
    thread_parent_id: context.threadId ?? repliedTo(message),
    reply_count: context.replyCount,
    edited: Boolean(message.edited_timestamp),
    edited_at: isoOrNull(message.edited_timestamp),
    deleted: false,
    attachments: (message.attachments ?? []).map(toAttachment),
    permalink: context.permalink(message),
    mentions: rendered.mentions,
    subtype: messageSubtype(message.type),
    is_bot: author?.bot === true || message.webhook_id !== undefined,
  };
}

/**
 * The message an inline reply answers, when it is in the same channel. Reference type 0 is a reply;
 * payloads from before forwards existed leave the type out. Forwards (type 1) quote, they do not reply.
 */
export function repliedTo(message: DiscordMessage): string | null {
  const reference = message.message_reference;
  if (!reference?.message_id) return null;
  if (reference.type !== undefined && reference.type !== 0) return null;
  if (reference.channel_id !== undefined && reference.channel_id !== message.channel_id) return null;
  return reference.message_id;
}

/** Bots often post only embeds; their titles and descriptions are the message then. */
function messageText(message: DiscordMessage): string {
  if (message.content) return message.content;
  return (message.embeds ?? [])
    .flatMap((embed) => [embed.title, embed.description])
    .filter((text): text is string => Boolean(text))
    .join('\n');
}

const SUBTYPES: Readonly<Record<number, string>> = {
  1: 'recipient_add',
  2: 'recipient_remove',
  3: 'call',
  4: 'channel_name_change',
  5: 'channel_icon_change',
  6: 'channel_pinned_message',
  7: 'user_join',
  8: 'guild_boost',
  9: 'guild_boost_tier_1',
  10: 'guild_boost_tier_2',
  11: 'guild_boost_tier_3',
  12: 'channel_follow_add',
  18: 'thread_created',
  20: 'chat_input_command',
  21: 'thread_starter_message',
  22: 'guild_invite_reminder',
  23: 'context_menu_command',
  24: 'auto_moderation_action',
  46: 'poll_result',
};

/** Null for what people write (plain messages and inline replies), a name for system messages. */
export function messageSubtype(type: number | undefined): string | null {
  if (type === undefined || type === MESSAGE_TYPE.DEFAULT || type === MESSAGE_TYPE.REPLY) return null;
  return SUBTYPES[type] ?? `type_${type}`;
}

function isoOrNull(value: string | null | undefined): string | null {
  if (!value) return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

function toAttachment(attachment: DiscordAttachment): MessageAttachment {
  return {
    name: attachment.filename || attachment.id,
    url: attachment.url ?? null,
    mime_type: attachment.content_type ?? null,
    size: typeof attachment.size === 'number' ? attachment.size : null,
  };
}

export function discordPermalink(guildId: string, channelId: string, messageId: string): string {
  return `https://discord.com/channels/${guildId}/${channelId}/${messageId}`;
}
