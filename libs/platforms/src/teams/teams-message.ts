import type { MessageAttachment, NormalizedMessage } from '@atlas/events';
import type { GraphAttachment, GraphChatMessage, GraphMention } from './graph-types';
import { MentionTarget, renderTeamsHtml, renderTeamsPlainText } from './teams-html-text';

/**
 * A Graph chatMessage as a NormalizedMessage. Graph gives no reply count on a root message, so the
 * walk that counted its replies passes it in.
 */
export function normalizeTeamsMessage(message: GraphChatMessage, channelId: string, replyCount = 0): NormalizedMessage {
  const author = message.from?.user ?? message.from?.application ?? null;
  const threadParentId = message.replyToId || null;
  const deleted = Boolean(message.deletedDateTime);
  const rendered = deleted ? { text: '', mentions: [] } : renderBody(message);
  const messageType = message.messageType ?? 'message';
  return {
    id: message.id,
    channel_id: channelId,
    author_id: author?.id ?? null,
    author_name: author?.displayName ?? null,
    text: rendered.text,
    timestamp: toIso(message.createdDateTime) ?? timeFromMessageId(message.id),
    thread_parent_id: threadParentId,
    reply_count: threadParentId === null ? replyCount : 0,
    edited: Boolean(message.lastEditedDateTime),
    edited_at: toIso(message.lastEditedDateTime),
    deleted,
    attachments: deleted ? [] : (message.attachments ?? []).flatMap(toAttachment),
    permalink: message.webUrl || null,
    mentions: rendered.mentions,
    subtype: messageType === 'message' ? null : messageType,
    is_bot: !message.from?.user && Boolean(message.from?.application),
  };
}

/**
 * A tombstone for a message a delta answer lists as `@removed`: only its id is left. Teams message
 * ids are the epoch milliseconds of the post, which gives the timestamp back.
 */
export function teamsTombstone(
  messageId: string,
  channelId: string,
  threadParentId: string | null,
  fallbackTime: string,
): NormalizedMessage {
  return {
    id: messageId,
    channel_id: channelId,
    author_id: null,
    author_name: null,
    text: '',
    timestamp: /^\d{10,15}$/.test(messageId) ? timeFromMessageId(messageId) : fallbackTime,
    thread_parent_id: threadParentId,
    reply_count: 0,
    edited: false,
    edited_at: null,
    deleted: true,
    attachments: [],
    permalink: null,
    mentions: [],
    subtype: null,
    is_bot: false,
  };
}

function renderBody(message: GraphChatMessage): { text: string; mentions: NormalizedMessage['mentions'] } {
  const content = message.body?.content ?? '';
  const targets = mentionTargets(message.mentions ?? []);
  if (message.body?.contentType === 'text') {
    const mentions = [...targets.values()].flatMap((target) =>
      target.userId === null ? [] : [{ id: target.userId, name: target.name }],
    );
    return { text: renderTeamsPlainText(content), mentions: uniqueById(mentions) };
  }
  return renderTeamsHtml(content, targets);
}

function mentionTargets(mentions: GraphMention[]): Map<string, MentionTarget> {
  const targets = new Map<string, MentionTarget>();
  for (const mention of mentions) {
    const mentioned = mention.mentioned;
    const user = mentioned?.user;
    const other = mentioned?.conversation ?? mentioned?.application ?? mentioned?.device;
    targets.set(String(mention.id), {
      userId: user?.id ?? null,
      name: user?.displayName || other?.displayName || mention.mentionText || user?.id || 'unknown',
    });
  }
  return targets;
}

function uniqueById<T extends { id: string }>(items: T[]): T[] {
  return [...new Map(items.map((item) => [item.id, item])).values()];
}

/** Files shared in a message are `reference` attachments; cards and quoted messages carry no file. */
function toAttachment(attachment: GraphAttachment): MessageAttachment[] {
  if (!attachment.contentUrl) return [];
  return [
    {
      name: attachment.name || attachment.id || 'attachment',
      url: attachment.contentUrl,
      mime_type: attachment.contentType && attachment.contentType !== 'reference' ? attachment.contentType : null,
      size: null,
    },
  ];
}

function toIso(value: string | null | undefined): string | null {
  if (!value) return null;
  const time = Date.parse(value);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}

function timeFromMessageId(messageId: string): string {
  const millis = Number(messageId);
  return Number.isSafeInteger(millis) ? new Date(millis).toISOString() : new Date(0).toISOString();
}
