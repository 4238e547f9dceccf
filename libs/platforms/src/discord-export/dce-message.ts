import type { MessageAttachment, NormalizedMessage } from '@atlas/events';
import type { ThreadPlace } from '../import-files/import-channel-fetch';
import { parseImportTimestamp, toIso } from '../import-files/import-timestamp';
import type { DceAttachment, DceMessage, DceUser } from './dce-types';

/** Ordinary messages; every other type (pins, joins, thread creations, calls) is kept as the subtype. */
const PLAIN_TYPES = new Set(['Default', 'Reply']);

export interface DceChannelContext {
  channelId: string;
  /** `0` for direct messages, whose links use `@me`. */
  guildId: string;
}

/**
 * The message a message replies to in the same channel, or null. Only a `Reply` counts: a pin
 * notification references the pinned message and a forward references another channel's message,
 * with the same reference shape. Exports without `reference.type` are read the same way.
 */
export function dceRepliesTo(message: DceMessage, channelId: string): string | null {
  const reference = message.reference;
  if (message.type !== 'Reply' || !reference?.messageId) return null;
  if (reference.type && reference.type !== 'Default') return null;
  if (reference.channelId && reference.channelId !== channelId) return null;
  return reference.messageId;
}

export function dceTimeMs(value: string | null | undefined): number | null {
  return value ? parseImportTimestamp(value) : null;
}

/** DCE renders mentions as `@name` in the content already: the text is kept as exported. */
export function normalizeDceMessage(
  message: DceMessage,
  context: DceChannelContext,
  thread: ThreadPlace,
): NormalizedMessage {
  const editedMs = dceTimeMs(message.timestampEdited);
  const type = message.type ?? 'Default';
  const guildPath = context.guildId === '0' ? '@me' : context.guildId;
  return {
    id: message.id,
    channel_id: context.channelId,
    author_id: message.author.id,
    author_name: displayName(message.author),
    text: messageText(message),
    timestamp: toIso(dceTimeMs(message.timestamp)!),
    thread_parent_id: thread.parentId,
    reply_count: thread.replyCount,
    edited: editedMs !== null,
    edited_at: editedMs === null ? null : toIso(editedMs),
    deleted: false,
    attachments: (message.attachments ?? []).map(toAttachment),
    permalink: `https://discord.com/channels/${guildPath}/${context.channelId}/${message.id}`,
    mentions: (message.mentions ?? []).map((user) => ({ id: user.id, name: displayName(user) })),
    subtype: PLAIN_TYPES.has(type) ? null : type,
    is_bot: message.author.isBot === true,
  };
}

/** The server nickname when there is one, which DCE writes (falling back to the global name) as `nickname`. */
export function displayName(user: DceUser): string {
  return user.nickname || user.name || user.id;
}

/** Bots often post embeds only: their titles and descriptions stand in for the content. */
function messageText(message: DceMessage): string {
  if (message.content) return message.content;
  return (message.embeds ?? [])
    .map((embed) => [embed.title, embed.description].filter((part) => part).join('\n'))
    .filter((text) => text !== '')
    .join('\n');
}

function toAttachment(attachment: DceAttachment): MessageAttachment {
  return {
    name: attachment.fileName || attachment.id || 'file',
    url: attachment.url ?? null,
    mime_type: null,
    size: typeof attachment.fileSizeBytes === 'number' ? attachment.fileSizeBytes : null,
  };
}
