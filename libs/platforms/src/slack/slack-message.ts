import type { MessageAttachment, NormalizedMessage } from '@atlas/events';
import { renderSlackText } from './slack-text';
import { tsToIso } from './slack-ts';
import type { SlackFile, SlackMessage, SlackUser } from './slack-types';

export interface SlackUserSummary {
  name: string;
  isBot: boolean;
}

/** What normalizing a message needs beyond the message itself. */
export interface SlackMessageContext {
  channelId: string;
  user(userId: string): SlackUserSummary | undefined;
  channelName(channelId: string): string | undefined;
  permalink(ts: string, threadParentTs: string | null): string | null;
}

export function summarizeSlackUser(user: SlackUser): SlackUserSummary {
  const name = user.profile?.display_name || user.profile?.real_name || user.real_name || user.name || user.id;
  return { name, isBot: user.is_bot === true };
}

export function normalizeSlackMessage(message: SlackMessage, context: SlackMessageContext): NormalizedMessage {
  const author = message.user ? context.user(message.user) : undefined;
  const rendered = renderSlackText(messageText(message), {
    userName: (id) => context.user(id)?.name,
    channelName: context.channelName,
  });
  const threadParentId = message.thread_ts && message.thread_ts !== message.ts ? message.thread_ts : null;
  return {
    id: message.ts,
    channel_id: context.channelId,
    author_id: message.user ?? message.bot_id ?? null,
    author_name: author?.name ?? authorNameFromMessage(message) ?? message.user ?? null,
    text: rendered.text,
    timestamp: tsToIso(message.ts),
    thread_parent_id: threadParentId,
    reply_count: threadParentId === null ? (message.reply_count ?? 0) : 0,
    edited: message.edited !== undefined,
    edited_at: message.edited?.ts ? tsToIso(message.edited.ts) : null,
    deleted: false,
    attachments: (message.files ?? []).map(toAttachment),
    permalink: context.permalink(message.ts, threadParentId),
    mentions: rendered.mentions,
    subtype: message.subtype ?? null,
    is_bot: message.subtype === 'bot_message' || message.bot_id !== undefined || author?.isBot === true,
  };
}

/** Bots often post an empty text and put their content in legacy attachments. */
function messageText(message: SlackMessage): string {
  if (message.text) return message.text;
  return (message.attachments ?? [])
    .map((attachment) => attachment.text || attachment.fallback || attachment.title || '')
    .filter((text) => text !== '')
    .join('\n');
}

function authorNameFromMessage(message: SlackMessage): string | undefined {
  const profile = message.user_profile;
  return (
    profile?.display_name ||
    profile?.real_name ||
    profile?.name ||
    message.username ||
    message.bot_profile?.name ||
    undefined
  );
}

function toAttachment(file: SlackFile): MessageAttachment {
  return {
    name: file.name || file.title || file.id || 'file',
    url: file.url_private ?? file.permalink ?? null,
    mime_type: file.mimetype ?? null,
    size: typeof file.size === 'number' ? file.size : null,
  };
}
