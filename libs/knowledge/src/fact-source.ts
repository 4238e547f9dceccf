import type { FactSource, NormalizedMessage } from '@atlas/events';

/** Where a fact comes from; a thread is named by its root, so a root message belongs to its own thread. */
export function factSourceOf(message: NormalizedMessage): FactSource {
  return {
    message_id: message.id,
    author_id: message.author_id,
    author_name: message.author_name,
    timestamp: message.timestamp,
    thread_id: message.thread_parent_id ?? (message.reply_count > 0 ? message.id : null),
    permalink: message.permalink,
    text: message.text,
  };
}
