import type { NormalizedMessage } from '@atlas/events';

const MAX_TEXT_LENGTH = 40_000;

/**
 * Subtypes a person writes. Every other subtype (channel_join, channel_leave, channel_topic,
 * pinned_item, bot_message, ...) is an event the platform records, not something anyone said;
 * listing the few human ones keeps the many system ones, present and future, out of the facts.
 */
const HUMAN_SUBTYPES: ReadonlySet<string> = new Set(['thread_broadcast', 'file_share', 'me_message']);

export function isWrittenByPerson(message: NormalizedMessage): boolean {
  if (message.is_bot) return false;
  return message.subtype === null || HUMAN_SUBTYPES.has(message.subtype);
}

/**
 * Refuses input the extractor must not try to read: huge texts (a paste or an attack, costly to
 * scan) and NUL characters (binary data, not chat). Throws so the batch records the message as failing.
 */
export function assertExtractable(message: NormalizedMessage, channelId: string): void {
  if (message.channel_id !== channelId) {
    throw new Error(`message belongs to channel ${message.channel_id}, not to the batch's channel ${channelId}`);
  }
  if (message.text.length > MAX_TEXT_LENGTH) {
    throw new Error(
      `text has ${message.text.length} characters, more than the ${MAX_TEXT_LENGTH} an extractable message may have`,
    );
  }
  if (message.text.includes('\u0000')) {
    throw new Error('text contains a NUL character');
  }
}
