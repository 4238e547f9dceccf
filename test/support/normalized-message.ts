import type { NormalizedMessage } from '@atlas/events';

/** A plain message a person wrote, nothing edited, deleted or attached: tests set what they are about. */
export function normalizedMessage(
  fields: Partial<NormalizedMessage> &
    Pick<NormalizedMessage, 'id' | 'channel_id' | 'author_id' | 'author_name' | 'text' | 'timestamp'>,
): NormalizedMessage {
  return {
    thread_parent_id: null,
    reply_count: 0,
    edited: false,
    edited_at: null,
    deleted: false,
    attachments: [],
    permalink: null,
    mentions: [],
    subtype: null,
    is_bot: false,
    ...fields,
  };
}
