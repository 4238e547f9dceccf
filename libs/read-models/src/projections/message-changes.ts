import type { NormalizedMessage } from '@atlas/events';
import type { MessageDoc } from '../documents';

/**
 * What a message says as its author left it, and where it links to. A reply count or an author's display
 * name can change without the message changing: a thread's starter handed out again with a higher reply
 * count (connectors re-read it to attach new replies) is the same message.
 */
function content(message: NormalizedMessage | MessageDoc): string {
  return JSON.stringify([
    message.text,
    message.author_id,
    message.thread_parent_id,
    message.edited,
    message.edited_at,
    message.deleted,
    message.subtype,
    message.attachments,
    message.permalink,
  ]);
}

/**
 * The sequence of the event that last changed the message's content: this one when the message is new
 * or says something else than the stored one, the stored one's otherwise. Documents stored before it
 * was recorded count from when they were first stored.
 */
export function contentSeq(message: NormalizedMessage, current: MessageDoc | null, seq: number): number {
  if (!current || content(current) !== content(message)) return seq;
  return current.content_seq ?? current.first_seq;
}

/**
 * Whether the event at `seq` only re-read the stored message (to attach new replies to it) instead of
 * bringing it new or changed.
 */
export function onlyReread(doc: MessageDoc, seq: number): boolean {
  return (doc.content_seq ?? doc.first_seq) < seq;
}
