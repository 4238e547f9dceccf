import type { NormalizedMessage } from '@atlas/events';
import type { EntityDoc, MessageDoc } from './documents';

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

/** A graph entity as the stages read it back; documents projected before kinds and keys existed get their defaults. */
export function graphEntityOfDoc(doc: EntityDoc): GraphEntityFields {
  return {
    id: doc.id,
    key: doc.key,
    name: doc.name,
    type: doc.type,
    kind: doc.kind ?? null,
    aliases: doc.aliases,
    keys: doc.keys ?? [doc.key],
  };
}

/** The fields of `GraphEntity` (libs/knowledge), which read models do not depend on. */
export type GraphEntityFields = Pick<EntityDoc, 'id' | 'key' | 'name' | 'type' | 'kind' | 'aliases' | 'keys'>;
