import type { NormalizedMessage } from '@atlas/events';
import type { MessageDoc } from './documents';

/** A stored message as the stages read it, with defaults for fields documents projected before they existed. */
export function messageOfDoc(doc: MessageDoc): NormalizedMessage {
  return {
    id: doc.message_id,
    channel_id: doc.channel_id,
    author_id: doc.author_id,
    author_name: doc.author_name,
    text: doc.text,
    timestamp: doc.timestamp,
    thread_parent_id: doc.thread_parent_id,
    reply_count: doc.reply_count,
    edited: doc.edited,
    edited_at: doc.edited_at ?? null,
    deleted: doc.deleted ?? false,
    attachments: doc.attachments,
    permalink: doc.permalink,
    mentions: doc.mentions,
    subtype: doc.subtype,
    is_bot: doc.is_bot,
  };
}
