import type { MessageDoc } from '@atlas/read-models';

/** How long after a question a reply to it is looked for. */
export const REPLY_WINDOW_MS = 15 * 60_000;
/** Replies shown under one question at most: the first ones. */
export const MAX_REPLIES = 3;

export interface AskedBy {
  message_id: string;
  author_id: string | null;
  author_name: string | null;
}

/**
 * The messages that reply to a fact's message (a question, a problem someone states), in time order: the replies in its thread, and, where chat has no threads
 * (IRC, a busy channel), the messages addressed to its asker by someone else: an @mention of them, or a text that
 * opens with their name and a colon or comma ("EfaistOs: sid is part of Debian"), the way chat addresses people.
 * `later` are the channel's messages after it, oldest first. A fact that records a question does not answer it,
 * nor does one that records someone's problem; the replies are where the answer is.
 */
export function repliesTo(question: AskedBy, later: readonly MessageDoc[]): MessageDoc[] {
  return later
    .filter((message) => !message.deleted && message.message_id !== question.message_id)
    .filter((message) => message.author_id === null || message.author_id !== question.author_id)
    .filter(
      (message) =>
        message.thread_parent_id === question.message_id ||
        (question.author_id !== null && message.mentions.some((mention) => mention.id === question.author_id)) ||
        (question.author_name !== null && opensWithName(message.text, question.author_name)),
    )
    .slice(0, MAX_REPLIES);
}

function opensWithName(text: string, name: string): boolean {
  const opening = text.trimStart().replace(/^@/, '');
  if (opening.length <= name.length || opening.slice(0, name.length).toLowerCase() !== name.toLowerCase()) return false;
  return /^\s*[:,]/.test(opening.slice(name.length));
}
